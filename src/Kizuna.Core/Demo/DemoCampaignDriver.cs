using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;
using Kizuna.Campaigns.Storage;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Demo;

/// <summary>
/// Takes one demo campaign from launch to sent on the demo clock: the clock moves to each moment the campaign waits
/// for (its start, each time zone's local time, the end of the A/B test), and only once the real job queue and outbox
/// have sent everything due; then the customers' opens, clicks and orders come back through ingestion.
/// </summary>
public sealed class DemoCampaignDriver(CampaignService campaigns, RecipientStore runs, ReportReader reader, IngestionPipeline pipeline, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    internal async Task<long> RunAsync(
        long workspaceId, DemoCampaignPlan plan, DateTimeOffset launchAt, IReadOnlyDictionary<long, string> users, CancellationToken ct)
    {
        var clock = time as DemoClock ?? throw new InvalidOperationException("The demo campaigns need the demo clock.");
        clock.Set(launchAt);
        var created = await campaigns.CreateAsync(workspaceId, new CampaignDraft(plan.Name, plan.Definition), "demo", ct);
        var id = created.Campaign?.Id ?? throw new InvalidOperationException($"The demo campaign {plan.Name} was refused: {created.Error}");
        var launched = await campaigns.LaunchAsync(workspaceId, id, ct);
        if (launched.Status != CampaignResultStatus.Done)
        {
            throw new InvalidOperationException($"The demo campaign {plan.Name} did not launch: {launched.Error}");
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        var answered = new HashSet<long>();
        while (true)
        {
            await Task.Delay(Poll, patience.Token);
            var campaign = (await campaigns.FindAsync(workspaceId, id, ct))!;
            if (campaign is { State: CampaignState.Scheduled, NextRunAt: { } start })
            {
                clock.Set(start > clock.GetUtcNow() ? start : clock.GetUtcNow());
                continue;
            }

            if (campaign.Runs == 0 || await runs.RunAsync(workspaceId, id, campaign.Runs, ct) is not { SnapshotDone: true } run)
            {
                continue;
            }

            var now = Epoch.ToMs(clock.GetUtcNow());
            var recipients = await reader.RecipientsAsync(workspaceId, id, ct);
            if (recipients.Any(r => r.DueAt <= now && !Settled(r)))
            {
                continue;   // the queue and the outbox are still at work on what is due
            }

            await AnswerAsync(workspaceId, id, plan, [.. recipients.Where(r => r.Status != "held" && r.DueAt <= now && answered.Add(r.ProfileId))], users, ct);
            if (campaign.State == CampaignState.Sent)
            {
                return id;
            }

            var next = recipients.Where(r => r.Status == "pending" && r.DueAt > now).Select(r => (long?)r.DueAt).Min();
            if (next is { } due)
            {
                clock.Set(Epoch.FromMs(due));
            }
            else if (run.TestEndsAt is { } ends && Epoch.ToMs(ends) > now && recipients.Any(r => r.Status == "held"))
            {
                clock.Set(ends);   // the test's window ends: the winner is picked and sent to the rest
            }
        }
    }

    private static bool Settled(RecipientFact r) => r.Status switch
    {
        "pending" => false,
        "queued" => r.State is "sent" or "delivered" or "failed" or "dead" or "suppressed",
        _ => true,
    };

    private async Task AnswerAsync(
        long workspaceId, long campaignId, DemoCampaignPlan plan, IReadOnlyList<RecipientFact> recipients, IReadOnlyDictionary<long, string> users, CancellationToken ct)
    {
        var messages = recipients
            .SelectMany(r => users.TryGetValue(r.ProfileId, out var user) ? DemoResponses.For(plan.Seed, campaignId, plan.Rates, r, user) : [])
            .OrderBy(m => m.Timestamp)
            .ToList();
        foreach (var chunk in messages.Chunk(1_000))
        {
            await pipeline.SubmitAsync(new IngestBatch(workspaceId, chunk), ct);
        }
    }
}
