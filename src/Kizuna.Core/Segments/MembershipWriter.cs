using Kizuna.Ingestion;

namespace Kizuna.Segments;

/// <summary>
/// Turns an evaluation into entries and exits: compares who qualifies with who is stored as a member, writes the
/// member rows, then the <c>Segment Entered</c>/<c>Exited</c> events of the transitions the rows made.
/// </summary>
/// <remarks>
/// Computations of one segment run side by side (a sweep and a save's recompute, the real-time consumer beside a
/// recompute, two nodes on PostgreSQL) and may diff against the same rows; so the rows, not the diff, decide. An
/// entry is the insert of a member row and an exit its delete: two computations asking for the same entry race for
/// the same primary key and one insert wins, and only the winner's transition is numbered, recorded and announced.
/// The event's messageId comes from that number and its time from the transition, both stored with it, so writing it
/// again after a crash is dropped by the ingestion writer's deduplication. Holding a lock across the evaluation
/// instead would make the real-time consumer wait out every full recompute of the segment.
/// </remarks>
public sealed class MembershipWriter(
    SegmentStore segments, MembershipStore members, PendingTransitions pending, SegmentEvents events, TimeProvider time)
{
    /// <summary>
    /// Applies the result of evaluating <paramref name="evaluated"/> (every profile when null: a full computation,
    /// whose members are <paramref name="qualifying"/>), every transition caused by <paramref name="cause"/>. A full
    /// computation also writes the segment's transitions a crash left pending. Returns the transitions written.
    /// </summary>
    public async Task<IReadOnlyList<SegmentTransition>> ApplyAsync(
        Segment segment, IReadOnlyCollection<long>? evaluated, IReadOnlySet<long> qualifying, string cause, DateTimeOffset at, CancellationToken ct)
    {
        var wanted = Diff(qualifying, await members.MembersAsync(segment.WorkspaceId, segment.Id, evaluated, ct), _ => (cause, at));
        var full = evaluated is null;
        if (wanted.Count == 0 && !full)
        {
            return wanted;
        }

        if (full)
        {
            await WritePendingAsync(segment, ct);
        }

        var made = new List<SegmentTransition>();
        foreach (var chunk in Chunks(wanted))
        {
            if (await members.ApplyAsync(segment.WorkspaceId, segment.Id, chunk, at, full ? time.GetUtcNow() : null, ct) is not { } written)
            {
                break;   // archived meanwhile
            }

            await events.WriteAsync(segment, written, ct);
            await pending.DoneAsync(segment.WorkspaceId, segment.Id, written, ct);
            made.AddRange(written);
        }

        return made;
    }

    /// <summary>
    /// Applies the real-time evaluator's results for segments of one workspace in one transaction of the ingestion
    /// writer: the member rows and the events of the transitions they made commit together, so nothing is left
    /// pending, and they join the group commit under way instead of taking turns of their own at the writer (each
    /// turn waits out a group commit: that wait was the entry's latency). Returns each segment's transitions.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<SegmentTransition>>> ApplyLiveAsync(
        long workspaceId, IReadOnlyList<SegmentResult> results, Func<long, (string Cause, DateTimeOffset At)> causeOf, CancellationToken ct)
    {
        var wanted = new List<SegmentTransition>[results.Count];
        var made = new IReadOnlyList<SegmentTransition>[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var (segment, evaluated, qualifying) = results[i];
            wanted[i] = Diff(qualifying, await members.MembersAsync(workspaceId, segment.Id, evaluated, ct), causeOf);
            made[i] = [];
        }

        var profiles = wanted.SelectMany(w => w).Select(t => t.ProfileId).Distinct().ToList();
        if (profiles.Count == 0)
        {
            return made;
        }

        var identities = await events.IdentitiesAsync(workspaceId, profiles, ct);
        await events.WriteWithAsync(workspaceId, async (connection, transaction, token) =>
        {
            var messages = new List<IngestMessage>();
            for (var i = 0; i < results.Count; i++)
            {
                if (wanted[i].Count > 0)
                {
                    made[i] = await members.ApplyAsync(
                        connection, transaction, workspaceId, results[i].Segment.Id, wanted[i], wanted[i].Max(t => t.At), null, token) ?? [];
                    messages.AddRange(events.Messages(results[i].Segment, made[i], identities));
                }
            }

            return messages;
        }, ct);
        return made;
    }

    /// <summary>Writes the events of the segment's transitions a crash left pending.</summary>
    public async Task WritePendingAsync(Segment segment, CancellationToken ct)
    {
        var left = await pending.OfAsync(segment.WorkspaceId, segment.Id, ct);
        foreach (var chunk in left.Chunk(20_000))
        {
            await events.WriteAsync(segment, chunk, ct);
            await pending.DoneAsync(segment.WorkspaceId, segment.Id, chunk, ct);
        }
    }

    /// <summary>Writes every segment's pending transitions (at a node's start and each sweep: a dead node's too).</summary>
    public async Task WriteAllPendingAsync(CancellationToken ct)
    {
        foreach (var (workspaceId, segmentId) in await pending.SegmentsAsync(ct))
        {
            if (await segments.FindAsync(workspaceId, segmentId, ct) is { } segment)
            {
                await WritePendingAsync(segment, ct);
            }
        }
    }

    /// <summary>The entries and exits that make the stored members the qualifying ones, each with its cause.</summary>
    private static List<SegmentTransition> Diff(IReadOnlySet<long> qualifying, HashSet<long> stored, Func<long, (string Cause, DateTimeOffset At)> causeOf)
    {
        var wanted = new List<SegmentTransition>();
        foreach (var id in qualifying.Where(id => !stored.Contains(id)))
        {
            var (cause, at) = causeOf(id);
            wanted.Add(new SegmentTransition(id, true, cause, at));
        }

        foreach (var id in stored.Where(id => !qualifying.Contains(id)))
        {
            var (cause, at) = causeOf(id);
            wanted.Add(new SegmentTransition(id, false, cause, at));
        }

        return wanted;
    }

    /// <summary>Big recomputes are written in slices so one transaction never holds a million rows; one slice at least.</summary>
    private static IEnumerable<SegmentTransition[]> Chunks(List<SegmentTransition> wanted)
    {
        const int size = 20_000;
        if (wanted.Count == 0)
        {
            yield return [];
        }

        foreach (var chunk in wanted.Chunk(size))
        {
            yield return chunk;
        }
    }
}
