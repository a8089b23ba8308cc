namespace Kizuna.Analytics.Scores;

/// <summary>One row written to <c>profile_values</c>: a number or a text.</summary>
public readonly record struct ScoreValue(long ProfileId, string Name, double? Number, string? Text);
