namespace Kizuna.Journeys.Model;

/// <summary>
/// Whether a customer who entered before may enter again: <c>never</c>, <c>after_exit</c> (once the earlier entry
/// finished) or <c>always</c>; at most <see cref="MaxEntries"/> times in all, and no sooner than
/// <see cref="MinGap"/> (a duration such as <c>7d</c>) after the last entry. Without a rule: <c>after_exit</c>.
/// </summary>
public sealed record ReEntryRule(string Mode, int? MaxEntries = null, string? MinGap = null)
{
    public const string Never = "never";
    public const string AfterExit = "after_exit";
    public const string Always = "always";
}
