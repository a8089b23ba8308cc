using Kizuna.Ingestion;
using Kizuna.Journeys;
using Kizuna.Journeys.Library;
using Kizuna.Messaging;
using Kizuna.Messaging.Outbox;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;

namespace Kizuna.Demo;

/// <summary>
/// The demo's live journeys: the ready-made welcome series, abandoned cart and post-purchase NPS request, launched
/// as they are, and the last <see cref="Days"/> days of sign-ups, checkouts and orders fed through ingestion on the
/// demo clock. The clock moves to each batch of events and each due timer, and only once the engine and the outbox
/// have done what is due, so a newcomer finds entries at every node, messages sent, and entries still waiting that
/// move on in real time.
/// </summary>
public sealed class DemoJourneys(
    JourneyLibrary library, JourneyService journeys, IngestionPipeline pipeline, ChangeFeed feed, JobQueue jobs, TimeProvider time)
{
    public const int Days = 10;

    /// <summary>The ready-made journeys the demo runs.</summary>
    public static readonly IReadOnlyList<string> Keys = ["welcome_series", "abandoned_cart", "post_purchase_nps"];

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly string[] Queues = ["journeys", OutboxJobs.Queue(MessageChannel.Email), OutboxJobs.Queue(MessageChannel.Sms)];

    /// <summary>Launches the journeys and feeds them the demo days; answers their ids.</summary>
    public async Task<IReadOnlyList<long>> SeedAsync(long workspaceId, int customers, CancellationToken ct)
    {
        var clock = time as DemoClock ?? throw new InvalidOperationException("The demo journeys need the demo clock.");
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        clock.Set(today.AddDays(-Days));
        var ids = new List<long>();
        foreach (var key in Keys)
        {
            var started = await library.StartAsync(workspaceId, key, null, "demo", ct);
            var journey = started?.Journey ?? throw new InvalidOperationException($"The ready-made journey {key} was refused: {string.Join("; ", started?.Errors ?? [])}");
            await journeys.LaunchAsync(workspaceId, journey.Id, ct);
            ids.Add(journey.Id);
        }

        var events = Enumerable.Range(0, Days).SelectMany(d => DemoJourneyEvents.Day(d, customers, today.AddDays(d - Days).AddHours(1))).ToList();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            await DriveAsync(clock, workspaceId, events, patience.Token);
        }
        finally
        {
            clock.Reset();
        }

        return ids;
    }

    private async Task DriveAsync(DemoClock clock, long workspaceId, List<IngestMessage> events, CancellationToken ct)
    {
        var next = 0;
        while (true)
        {
            await SettleAsync(ct);
            var now = clock.GetUtcNow();
            DateTimeOffset? at = next < events.Count ? events[next].Timestamp : null;
            if (await jobs.NextDueAsync("journeys", ct) is { } timer && (at is null || timer < at))
            {
                at = timer;
            }

            if (at is not { } moment || moment >= TimeProvider.System.GetUtcNow())
            {
                return;   // what is left happens in real time
            }

            // In steps of a quarter of an hour, so timers and events close together move in one batch.
            var target = new DateTimeOffset(moment.UtcTicks + Step.Ticks - 1 - ((moment.UtcTicks - 1) % Step.Ticks), TimeSpan.Zero);
            clock.Set(target > now ? target : now);
            var batch = new List<IngestMessage>();
            while (next < events.Count && events[next].Timestamp <= clock.GetUtcNow())
            {
                batch.Add(events[next++]);
            }

            if (batch.Count > 0)
            {
                await pipeline.SubmitAsync(new IngestBatch(workspaceId, batch), ct);
            }
        }
    }

    /// <summary>Waits until the journeys consumer has read every committed change and no timer or send is due or running.</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        while (true)
        {
            var behind = (await feed.LagAsync(ct)).Where(l => l.Consumer == "journeys").Sum(l => l.Behind);
            var busy = (await jobs.StatsAsync(ct)).Where(q => Queues.Contains(q.Queue)).Sum(q => q.Due + q.Running);
            if (behind == 0 && busy == 0)
            {
                return;
            }

            await Task.Delay(100, ct);
        }
    }
}
