namespace Kizuna.Segments;

/// <summary>One segment's real-time evaluation: the profiles tested and those of them that qualify.</summary>
public sealed record SegmentResult(Segment Segment, IReadOnlyCollection<long> Evaluated, IReadOnlySet<long> Qualifying);
