namespace Kizuna.Segments;

/// <summary>One saved version of a segment's definition, never changed after it is written.
/// <c>CreatedBy</c>: <c>user:&lt;id&gt;</c> or <c>key:&lt;id&gt;</c>.
/// </summary>
public sealed record SegmentVersion(int Version, string Definition, DateTimeOffset CreatedAt, string CreatedBy);
