namespace Kizuna.Work.ProfileData;

/// <summary>How a table reaches its profiles: through the rows of <paramref name="Table"/> with the same <paramref name="Key"/> (and workspace).</summary>
public sealed record ParentLink(string Table, IReadOnlyList<string> Key);
