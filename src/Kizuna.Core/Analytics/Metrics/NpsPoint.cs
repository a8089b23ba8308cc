namespace Kizuna.Analytics.Metrics;

/// <summary>The answers and NPS of one bucket (a day or a month starting on <see cref="Start"/>); null score without answers.</summary>
public sealed record NpsPoint(DateOnly Start, long Responses, double? Score);
