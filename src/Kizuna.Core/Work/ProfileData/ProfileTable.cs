namespace Kizuna.Work.ProfileData;

/// <summary>
/// A table that keeps data per profile, and what merging, erasing and exporting a profile do with its rows. The
/// defaults are the common case: rows name their profile in <c>profile_id</c>, move to the survivor of a merge, are
/// deleted with the profile and are exported as they are stored.
/// </summary>
/// <param name="Name">The table's name in both engines.</param>
public sealed record ProfileTable(string Name)
{
    /// <summary>The column naming the profile a row belongs to (<c>id</c> for <c>profiles</c> itself).</summary>
    public string ProfileColumn { get; init; } = "profile_id";

    /// <summary>Set when the table is tied to a profile only through another registered table (see <see cref="Through"/>).</summary>
    public ParentLink? Parent { get; init; }

    public MergeRule OnMerge { get; init; } = MergeRule.Move;

    public EraseRule OnErase { get; init; } = EraseRule.Delete;

    public ExportColumns Export { get; init; } = ExportColumns.AsStored;

    /// <summary>Every column the merge, erase and export rules name (each must exist in the table).</summary>
    public IEnumerable<string> RuleColumns =>
    [
        .. OnMerge switch
        {
            MergeRule.Moved m => m.Column is { } c ? [c] : [],
            MergeRule.AddedUp a => [.. a.Key, .. a.Sum, .. a.Min, .. a.Max],
            MergeRule.SurvivorKept k => k.Key,
            _ => [],
        },
        .. OnErase is EraseRule.Anonymised an ? an.Clear : [],
        .. Export.Json, .. Export.Times, .. Export.Money, .. Export.Uuids, .. Export.OrderBy, .. Export.Omit,
    ];

    /// <summary>
    /// A table whose rows belong to the profiles that own a matching row of <paramref name="parent"/> (order lines
    /// through their order, accounts through their memberships): a merge leaves them where they are (the parent's rows
    /// move), and an erasure deletes the rows no other profile's parent rows still reach.
    /// </summary>
    public static ProfileTable Through(string name, string parent, params string[] key) =>
        new(name) { Parent = new ParentLink(parent, key), OnMerge = MergeRule.FollowParent };
}
