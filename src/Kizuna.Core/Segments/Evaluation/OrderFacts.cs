namespace Kizuna.Segments.Evaluation;

/// <summary>One order of the profile as the commerce conditions read it.</summary>
public sealed record OrderFacts(string Status, long PlacedAt, long UpdatedAt, IReadOnlyList<OrderLineFacts> Lines);
