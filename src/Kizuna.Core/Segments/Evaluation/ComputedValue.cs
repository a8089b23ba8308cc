namespace Kizuna.Segments.Evaluation;

/// <summary>A row of <c>computed_values</c> (<c>profile_values</c> and the scores of <c>customer_scores</c>): a number, a text, or both.</summary>
public sealed record ComputedValue(double? Number, string? Text);
