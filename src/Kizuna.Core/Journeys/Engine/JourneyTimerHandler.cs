using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Fires due timers of the <c>journeys</c> queue a claimed batch at a time: the batch's entries are read in one query,
/// moved on in memory (a delay's next node, a wait's timeout branch) and written in one transaction. A timer whose
/// entry moved on since (the seq differs), finished, or was erased does nothing; one of a paused journey leaves its
/// entry waiting, and resuming sets its timer again.
/// </summary>
public sealed class JourneyTimerHandler(
    JourneyCatalog catalog, EntryStore entries, JourneyEngine engine, JourneyWriter writer, JobQueue queue, IOptions<SmsOptions> sms, TimeProvider time) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new(JourneyTimer.Queue, 500, TimeSpan.FromMinutes(2), 10);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        var timers = new List<JourneyTimer>();
        foreach (var job in jobs)
        {
            if (JourneyTimer.Read(job) is { } timer)
            {
                timers.Add(timer);
            }
            else
            {
                outcomes.GiveUp(job, "The job names no journey entry.");
            }
        }

        var snapshot = await catalog.CurrentAsync(ct);
        var now = time.GetUtcNow();
        var pass = new JourneyPass(snapshot, now);
        var seqs = timers.GroupBy(t => t.Entry).ToDictionary(g => g.Key, g => g.Max(t => t.Seq));
        var due = new List<EntryRun>();
        var actions = new List<NewJob>();
        foreach (var entry in await entries.ByIdsAsync(seqs.Keys, ct))
        {
            // A resumed journey sets every waiting entry's timer here; one waiting at an action node goes to that node's job.
            if (entry.State == JourneyEntry.Waiting && entry.Seq == seqs[entry.Id] && snapshot.Find(entry.JourneyId, entry.Version) is { } version
                && version.Nodes.TryGetValue(entry.Node, out var at) && JourneyNodeKinds.Acts(at.Kind))
            {
                actions.Add(new JourneyTimer(entry.Id, entry.Seq).ToJob(entry.WorkspaceId, entry.JourneyId, entry.Version, version.Head.Resumes, now, JourneyTimer.ActionQueue));
                continue;
            }

            if (entry.State == JourneyEntry.Waiting && entry.Seq == seqs[entry.Id] && entry.WaitUntil <= now
                && snapshot.Heads.TryGetValue(entry.JourneyId, out var head) && head.State == JourneyStates.Live
                && pass.Load(entry) is { } run)
            {
                due.Add(run);
            }
        }

        if (actions.Count > 0)
        {
            await queue.EnqueueManyAsync(actions, ct);
        }

        if (due.Count == 0)
        {
            return;
        }

        var steps = new JourneySteps(await engine.PrepareAsync(pass, ct), now, sms.Value.DefaultRegion);
        foreach (var run in due)
        {
            var node = run.Journey.Nodes[run.Entry.Node];
            if (node.Kind == JourneyNodeKinds.Delay)
            {
                steps.Resume(run, "passed", node.Next);
            }
            else
            {
                steps.Resume(run, "timed_out", node.OnTimeout);
            }
        }

        await writer.CommitAsync(pass, ct);
    }
}
