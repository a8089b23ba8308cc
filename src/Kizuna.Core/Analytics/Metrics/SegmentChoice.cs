namespace Kizuna.Analytics.Metrics;

/// <summary>A segment a metric can be read for, with its size when last computed.</summary>
public sealed record SegmentChoice(long Id, string Name, long Members);
