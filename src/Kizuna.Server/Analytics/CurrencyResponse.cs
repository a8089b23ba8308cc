namespace Kizuna.Server.Analytics;

/// <summary>Orders and net revenue in one currency (null: orders that stated none).</summary>
public sealed record CurrencyResponse(string? Currency, long Orders, decimal Revenue);
