namespace Kizuna.Segments.Definitions;

/// <summary>The profile is a member of another segment.</summary>
public sealed record InSegmentCondition(long SegmentId) : Condition;
