namespace Kizuna.Analytics;

/// <summary>Orders and revenue net of refunds in one currency (null: orders that stated none).</summary>
public sealed record CurrencyRevenue(string? Currency, long Orders, decimal Revenue);
