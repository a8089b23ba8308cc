namespace Kizuna.Bench.Segments;

/// <summary>A generated order (JPY, whole yen) with its one or two lines.</summary>
public sealed record W3Order(string OrderId, long Total, long PlacedAt, IReadOnlyList<(string ProductId, string Category, long Price)> Lines);
