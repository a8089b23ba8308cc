namespace Kizuna.Server.Analytics;

/// <summary>Answers and NPS of the day or month starting on <c>start</c> (score null without answers).</summary>
public sealed record NpsPointResponse(DateOnly Start, long Responses, double? Score);
