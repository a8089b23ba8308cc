namespace Kizuna.Segments.Evaluation;

/// <summary>A row of <c>profile_values</c>: a number, a text, or both.</summary>
public sealed record ComputedValue(double? Number, string? Text);
