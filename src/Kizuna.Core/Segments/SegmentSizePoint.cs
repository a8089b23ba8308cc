namespace Kizuna.Segments;

/// <summary>One UTC day of a segment's size history: the size at the day's end (or now, today) and the day's entries and exits.</summary>
public sealed record SegmentSizePoint(DateOnly Day, long Size, long Entered, long Exited);
