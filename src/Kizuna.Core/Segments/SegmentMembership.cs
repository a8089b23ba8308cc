namespace Kizuna.Segments;

/// <summary>A segment a profile is in, since when.</summary>
public sealed record SegmentMembership(long SegmentId, string SegmentName, DateTimeOffset EnteredAt);
