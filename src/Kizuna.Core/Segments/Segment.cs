namespace Kizuna.Segments;

/// <summary>A segment's head row: its current definition (the JSON tree), its status and the size last written.
/// <c>Definition</c>: The current version's JSON tree, as stored.
/// <c>MemberCount</c>: Members now (kept with every entry and exit).
/// <c>ComputedAt</c>: End of the last full computation; null until the first.
/// </summary>
public sealed record Segment(
    long Id,
    long WorkspaceId,
    string Name,
    string? Description,
    int Version,
    string Definition,
    SegmentStatus Status,
    long MemberCount,
    DateTimeOffset? ComputedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
