using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;

namespace Kizuna.Segments;

/// <summary>
/// A stored definition read once per version: the tree, its text form, what it reads, and whether a profile that did
/// nothing the definition reads can still enter (a brand-new profile meets "not performed …" at once).
/// </summary>
public sealed record CompiledSegment(Condition Tree, string Text, SegmentDependencies Reads, bool HoldsForBlank)
{
    public static CompiledSegment Of(Condition tree)
    {
        var reads = SegmentDependencies.Of(tree);
        return new CompiledSegment(tree, SegmentDefinition.ToText(tree), reads, HoldsForBlankProfile(tree));
    }

    /// <summary>
    /// Whether some profile with no traits, events, orders or memberships matches: the predicate over empty states,
    /// one per random bucket (ids 0–99 cover buckets only partly, so a definition reading the bucket tries until all
    /// hundred are seen). Times are irrelevant to an empty state, so the clock is any.
    /// </summary>
    private static bool HoldsForBlankProfile(Condition tree)
    {
        var predicate = new SegmentPredicate(tree, DateTimeOffset.UnixEpoch);
        if (!ReadsBucket(tree))
        {
            return predicate.Matches(new ProfileState { Id = 1 });
        }

        var seen = new HashSet<int>();
        for (long id = 1; seen.Count < 100 && id < 100_000; id++)
        {
            if (seen.Add(RandomBucket.Of(id)) && predicate.Matches(new ProfileState { Id = id }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsBucket(Condition condition) => condition switch
    {
        BucketCondition => true,
        AndCondition and => and.Conditions.Any(ReadsBucket),
        OrCondition or => or.Conditions.Any(ReadsBucket),
        NotCondition not => ReadsBucket(not.Condition),
        _ => false,
    };
}
