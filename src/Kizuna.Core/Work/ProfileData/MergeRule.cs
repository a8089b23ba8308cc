namespace Kizuna.Work.ProfileData;

/// <summary>What a merge does with the merged profile's rows of a table.</summary>
public abstract record MergeRule
{
    private MergeRule()
    {
    }

    /// <summary>The rows move to the survivor as they are.</summary>
    public static MergeRule Move { get; } = new Moved(null);

    /// <summary>The rows stay; <paramref name="column"/>, which names a profile, is re-pointed to the survivor.</summary>
    public static MergeRule MoveColumn(string column) => new Moved(column);

    /// <summary>
    /// The rows are added into the survivor's on their <paramref name="key"/> (within the workspace and profile):
    /// <paramref name="sum"/> columns add up, <paramref name="min"/> keep the earlier value and <paramref name="max"/>
    /// the later one (a missing value never wins over a present one). Together they must name every column.
    /// </summary>
    public static MergeRule AddUp(string[] key, string[]? sum = null, string[]? min = null, string[]? max = null) =>
        new AddedUp(key, sum ?? [], min ?? [], max ?? []);

    /// <summary>Where both profiles have a row for <paramref name="key"/> the survivor's stays and the other is dropped; the rest move.</summary>
    public static MergeRule KeepSurvivor(params string[] key) => new SurvivorKept(key);

    /// <summary>Nothing to do: the rows hang on a parent table whose rows move (see <see cref="ProfileTable.Through"/>).</summary>
    public static MergeRule FollowParent { get; } = new ParentFollowed();

    /// <summary>Re-points <see cref="Column"/>, or the table's profile column when it is null.</summary>
    public sealed record Moved(string? Column) : MergeRule;

    public sealed record AddedUp(IReadOnlyList<string> Key, IReadOnlyList<string> Sum, IReadOnlyList<string> Min, IReadOnlyList<string> Max) : MergeRule;

    public sealed record SurvivorKept(IReadOnlyList<string> Key) : MergeRule;

    public sealed record ParentFollowed : MergeRule;
}
