using System.Globalization;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;

namespace Kizuna.Segments;

/// <summary>
/// The recurring sweep on the <c>segment-sweep</c> queue: every <see cref="SegmentsOptions.SweepInterval"/>, the
/// segments whose membership changes with the passing of time alone (windows, days ago, anniversaries) or with
/// values other features compute are computed again, so a member whose last purchase falls out of "within 30 days"
/// leaves within one interval. Each run enqueues the next tick (keyed by its time, so nodes never double it);
/// each run first writes the events of transitions a crashed node left pending.
/// </summary>
public sealed class SegmentSweep(
    SegmentStore segments, SegmentEngine engine, SegmentRecompute recompute, MembershipWriter writer, JobQueue queue, TimeProvider time, IOptions<SegmentsOptions> options) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new("segment-sweep", BatchSize: 1, Lease: TimeSpan.FromMinutes(2), MaxAttempts: 3);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            var tick = Epoch.FromMs(long.Parse(job.Payload, CultureInfo.InvariantCulture));
            // From now rather than from the tick: after a long stop the chain resumes at the next tick instead of
            // sweeping once per missed one, and it joins the chain a starting node scheduled (the same keys).
            var next = tick + options.Value.SweepInterval;
            var now = time.GetUtcNow();
            if ((await segments.ActiveAsync(ct)).Count == 0)
            {
                continue;   // the chain ends with the last segment; saving one starts it again
            }

            await ScheduleAsync(next > now ? next : now, ct);
            if (now - tick <= options.Value.SweepInterval)
            {
                await SweepAsync(tick, ct);   // a tick run late is left to the next, so exits are never stamped long before they happened
            }
        }
    }

    /// <summary>Computes every time-sensitive segment again; entries and exits are stamped with <paramref name="tick"/>.</summary>
    public async Task<int> SweepAsync(DateTimeOffset tick, CancellationToken ct)
    {
        await writer.WriteAllPendingAsync(ct);
        var changed = 0;
        var cause = string.Create(CultureInfo.InvariantCulture, $"s{Epoch.ToMs(tick)}");
        foreach (var workspace in (await segments.ActiveAsync(ct)).GroupBy(s => s.WorkspaceId))
        {
            var swept = new HashSet<long>();
            foreach (var segment in engine.InRounds(workspace).SelectMany(round => round))
            {
                // A segment reading one that changed in this sweep is computed again after it.
                if (engine.IsTimeSensitive(segment) || engine.ReadsSegments(segment).Any(swept.Contains))
                {
                    if (await recompute.RecomputeAsync(segment, cause, tick, ct) > 0)
                    {
                        swept.Add(segment.Id);
                        changed++;
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>Enqueues the sweep of the first tick at or after <paramref name="from"/> (ticks are multiples of the interval).</summary>
    public Task ScheduleAsync(DateTimeOffset from, CancellationToken ct)
    {
        var interval = (long)options.Value.SweepInterval.TotalMilliseconds;
        var tick = (Epoch.ToMs(from) + interval - 1) / interval * interval;
        var text = tick.ToString(CultureInfo.InvariantCulture);
        return queue.EnqueueAsync(new NewJob(Settings.Queue, text, Key: $"sweep:{text}", DueAt: Epoch.FromMs(tick)), ct);
    }

    /// <summary>The first tick from now; a node starting enqueues it (the key makes every node's the same job).</summary>
    public Task StartAsync(CancellationToken ct) => ScheduleAsync(time.GetUtcNow(), ct);
}
