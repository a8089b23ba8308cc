namespace Kizuna.Segments;

/// <summary>
/// Turns an evaluation into entries and exits: compares who qualifies with who is stored as a member, writes the
/// <c>Segment Entered</c>/<c>Exited</c> events first and the membership rows after them. A crash between the two
/// leaves the rows as they were, so redoing the work finds the same transitions and writes the same events again,
/// which the writer drops as repeats: no entry is lost and none is written twice.
/// </summary>
public sealed class MembershipWriter(MembershipStore members, SegmentEvents events, TimeProvider time)
{
    /// <summary>
    /// Applies the result of evaluating <paramref name="evaluated"/> (every profile when null: a full computation,
    /// whose members are <paramref name="qualifying"/>), every transition caused by <paramref name="cause"/>.
    /// Returns the transitions written.
    /// </summary>
    public Task<IReadOnlyList<SegmentTransition>> ApplyAsync(
        Segment segment, IReadOnlyCollection<long>? evaluated, IReadOnlySet<long> qualifying, string cause, DateTimeOffset at, CancellationToken ct) =>
        ApplyAsync(segment, evaluated, qualifying, _ => (cause, at), ct);

    /// <summary>
    /// The same with a cause per profile (the real-time evaluator's: the first change of its batch that touched the
    /// profile). All transitions go to the writer in one submission and to the rows in one transaction.
    /// </summary>
    public async Task<IReadOnlyList<SegmentTransition>> ApplyAsync(
        Segment segment, IReadOnlyCollection<long>? evaluated, IReadOnlySet<long> qualifying, Func<long, (string Cause, DateTimeOffset At)> causeOf, CancellationToken ct)
    {
        var stored = await members.MembersAsync(segment.WorkspaceId, segment.Id, evaluated, ct);
        var transitions = new List<SegmentTransition>();
        foreach (var id in qualifying)
        {
            if (!stored.Contains(id))
            {
                var (cause, at) = causeOf(id);
                transitions.Add(new SegmentTransition(id, true, cause, at));
            }
        }

        foreach (var id in stored)
        {
            if (!qualifying.Contains(id))
            {
                var (cause, at) = causeOf(id);
                transitions.Add(new SegmentTransition(id, false, cause, at));
            }
        }

        var full = evaluated is null;
        if (transitions.Count == 0 && !full)
        {
            return transitions;
        }

        // Rows take the latest transition's time: within one batch of changes they lie milliseconds apart.
        var rowsAt = transitions.Count == 0 ? causeOf(0).At : transitions.Max(t => t.At);

        await events.WriteAsync(segment, transitions, ct);
        var entered = transitions.Where(t => t.Entered).Select(t => t.ProfileId).ToList();
        var exited = transitions.Where(t => !t.Entered).Select(t => t.ProfileId).ToList();
        foreach (var (inChunk, outChunk) in Chunks(entered, exited))
        {
            await members.ApplyAsync(segment.WorkspaceId, segment.Id, inChunk, outChunk, rowsAt, full ? time.GetUtcNow() : null, ct);
        }

        return transitions;
    }

    /// <summary>Big recomputes are written in slices so one transaction never holds a million rows; one slice at least.</summary>
    private static IEnumerable<(long[] Entered, long[] Exited)> Chunks(List<long> entered, List<long> exited)
    {
        const int size = 20_000;
        var slices = Math.Max(1, Math.Max((entered.Count + size - 1) / size, (exited.Count + size - 1) / size));
        for (var i = 0; i < slices; i++)
        {
            yield return ([.. entered.Skip(i * size).Take(size)], [.. exited.Skip(i * size).Take(size)]);
        }
    }
}
