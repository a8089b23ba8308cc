namespace Kizuna.Segments.Evaluation;

/// <summary>A profile's lifetime count of one event and when it first and last performed it (epoch ms).</summary>
public sealed record EventTotal(long Count, long FirstAt, long LastAt);
