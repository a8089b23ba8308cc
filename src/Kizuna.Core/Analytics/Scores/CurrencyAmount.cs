namespace Kizuna.Analytics.Scores;

/// <summary>An amount in one currency (null: orders that stated none).</summary>
public sealed record CurrencyAmount(string? Currency, decimal Amount);
