namespace Kizuna.Segments;

/// <summary>A member of a segment, with the ids a marketer recognises and since when it is in.</summary>
public sealed record SegmentMember(long ProfileId, string? UserId, string? Email, DateTimeOffset EnteredAt);
