namespace Kizuna.Work.ProfileData;

/// <summary>What erasing a profile does with its rows of a table.</summary>
public abstract record EraseRule
{
    private EraseRule()
    {
    }

    /// <summary>The rows are deleted (for a table reached through a parent: those no other profile still reaches).</summary>
    public static EraseRule Delete { get; } = new Deleted();

    /// <summary>
    /// The rows stay for the totals they feed (a campaign's sends, say) but no longer name anyone: the profile column
    /// becomes 0, the anonymous profile (ids start at 1), and the <paramref name="clear"/> columns become null.
    /// </summary>
    public static EraseRule Anonymise(params string[] clear) => new Anonymised(clear);

    public sealed record Deleted : EraseRule;

    public sealed record Anonymised(IReadOnlyList<string> Clear) : EraseRule;
}
