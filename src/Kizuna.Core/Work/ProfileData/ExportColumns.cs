namespace Kizuna.Work.ProfileData;

/// <summary>
/// How a table's rows read in a data-subject export: every column as stored, except that JSON columns are embedded
/// as JSON, epoch-millisecond times become ISO-8601 instants, money columns become amounts and UUIDs their text.
/// </summary>
public sealed record ExportColumns
{
    public static ExportColumns AsStored { get; } = new();

    public IReadOnlyList<string> Json { get; init; } = [];

    public IReadOnlyList<string> Times { get; init; } = [];

    public IReadOnlyList<string> Money { get; init; } = [];

    public IReadOnlyList<string> Uuids { get; init; } = [];

    /// <summary>The columns rows are listed in order of (ascending), so two exports of the same data read alike.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Internal bookkeeping that says nothing about the person (a fingerprint, a row number).</summary>
    public IReadOnlyList<string> Omit { get; init; } = [];
}
