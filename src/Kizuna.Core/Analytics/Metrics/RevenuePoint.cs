namespace Kizuna.Analytics.Metrics;

/// <summary>Net revenue and open orders in one bucket (a day or a month starting on <see cref="Start"/>).</summary>
public sealed record RevenuePoint(DateOnly Start, decimal Revenue, long Orders);
