namespace Kizuna.Server;

/// <summary>One page of a list: the items and how many there are in all.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total);
