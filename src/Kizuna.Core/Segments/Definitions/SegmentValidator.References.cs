namespace Kizuna.Segments.Definitions;

// References to other segments: each exists, and none leads back to the segment being checked.
public sealed partial class SegmentValidator
{
    private void Segment(long id, string path)
    {
        if (id == selfId)
        {
            Error($"{path}.id", $"segment {id} cannot contain itself");
            return;
        }

        if (segments is null)
        {
            return;
        }

        if (segments(id) is not { } target)
        {
            Error($"{path}.id", $"segment {id} does not exist");
        }
        else if (selfId is { } self && CycleFrom(target, self, [id]) is { } chain)
        {
            Error($"{path}.id", $"segment cycle: {self} → {string.Join(" → ", chain)} → {self}");
        }
    }

    // Depth-first through the segments a definition refers to; the chain of ids back to self when there is one.
    private List<long>? CycleFrom(Condition condition, long self, List<long> chain)
    {
        foreach (var id in SegmentIds(condition))
        {
            if (id == self)
            {
                return chain;
            }

            if (!chain.Contains(id) && segments!(id) is { } next && CycleFrom(next, self, [.. chain, id]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public static IEnumerable<long> SegmentIds(Condition condition) => condition switch
    {
        AndCondition and => and.Conditions.SelectMany(SegmentIds),
        OrCondition or => or.Conditions.SelectMany(SegmentIds),
        NotCondition not => SegmentIds(not.Condition),
        InSegmentCondition segment => [segment.SegmentId],
        _ => [],
    };
}
