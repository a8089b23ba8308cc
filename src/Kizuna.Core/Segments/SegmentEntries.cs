using Kizuna.Work.Changes;
using Microsoft.Extensions.Options;

namespace Kizuna.Segments;

/// <summary>
/// Real-time membership: a durable change-feed consumer that re-evaluates the profiles each committed change touched,
/// against only the segments whose definitions read what changed (an event name, traits), with the in-memory
/// predicate. Woken at once by this node's commits, caught up from its cursor after a restart, run on one node at a
/// time (the feed's lease). Entries and exits go through <see cref="MembershipWriter.ApplyLiveAsync"/>: the rows and
/// their events commit together, so a batch handed over again after a crash finds the rows it made and writes
/// nothing twice. Segments that read another
/// segment are evaluated after it, with the profiles whose membership of it just changed.
/// </summary>
public sealed class SegmentEntries(
    SegmentStore segments, SegmentEngine engine, MembershipWriter writer, MembershipStore members, SegmentLocks locks, IOptions<SegmentsOptions> options) : IChangeConsumer
{
    public string Name => "segments";

    public int BatchSize => 64;

    // Membership reads who was touched and by which events, never the events' properties (conditions on them are
    // evaluated from the events table with the profile's state).
    public bool ReadsProperties => false;

    public bool Enabled => options.Value.RealTime;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var touches = ChangeTouches.Of(changes);
        // Erasure deletes the erased profiles' member rows, and a merge the loser's where both were members: their
        // workspaces' counts are taken again from the rows.
        var recount = changes.SelectMany(c => c.Erased).Select(e => e.WorkspaceId)
            .Concat(changes.SelectMany(c => c.Merges).Select(m => m.WorkspaceId)).ToHashSet();
        if (touches.Count == 0 && recount.Count == 0)
        {
            return;
        }

        var active = await segments.ActiveAsync(ct);
        foreach (var workspace in active.GroupBy(s => s.WorkspaceId))
        {
            var profiles = touches.Where(t => t.Key.WorkspaceId == workspace.Key).ToDictionary(t => t.Key.ProfileId, t => t.Value);
            if (profiles.Count > 0)
            {
                await EvaluateAsync(workspace.Key, workspace, profiles, ct);
            }
        }

        foreach (var workspaceId in recount)
        {
            await members.RecountAsync(workspaceId, ct);
        }
    }

    private async Task EvaluateAsync(long workspaceId, IEnumerable<Segment> segments, Dictionary<long, ProfileTouch> profiles, CancellationToken ct)
    {
        foreach (var round in engine.InRounds(segments))
        {
            var hit = round.Select(s => (Segment: s, Hits: profiles.Where(p => engine.IsHit(s, p.Value)).Select(p => p.Key).ToList()))
                .Where(h => h.Hits.Count > 0).ToList();
            var evaluated = hit.ConvertAll(h => h.Segment);
            if (evaluated.Count == 0)
            {
                continue;
            }

            // The segments' locks from the state load to the rows: a recompute running meanwhile writes before or after.
            await using var held = await locks.HoldAsync(evaluated, ct);
            // One state load for the round: each profile's state is read once, whatever number of segments it is tested against.
            var matches = await engine.MatchAsync(workspaceId, evaluated, [.. hit.SelectMany(h => h.Hits).Distinct()], ct);
            var results = hit.Select((h, i) => new SegmentResult(h.Segment, h.Hits, h.Hits.Where(matches[i].Contains).ToHashSet())).ToList();
            // Transitions of one profile carry the cause of the first change that touched it in this batch.
            var made = await writer.ApplyLiveAsync(workspaceId, results, id => (profiles[id].Cause, profiles[id].At), ct);
            for (var i = 0; i < results.Count; i++)
            {
                foreach (var t in made[i])
                {
                    profiles[t.ProfileId].Segments.Add(results[i].Segment.Id);
                }
            }
        }
    }
}
