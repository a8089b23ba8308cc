namespace Kizuna;

/// <summary>One page of results and how many there are in all.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, long Total);
