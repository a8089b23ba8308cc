namespace Kizuna.Analytics.Scores;

/// <summary>Customers whose predicted CLV is at least <paramref name="From"/> and below <paramref name="To"/> (null: no upper end).</summary>
public sealed record ClvBucket(decimal From, decimal? To, int Customers, decimal Total);
