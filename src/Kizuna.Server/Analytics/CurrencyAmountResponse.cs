using Kizuna.Analytics.Scores;

namespace Kizuna.Server.Analytics;

/// <summary>An amount in one currency (null: orders that stated none).</summary>
public sealed record CurrencyAmountResponse(string? Currency, decimal Amount)
{
    public static IReadOnlyList<CurrencyAmountResponse> From(IReadOnlyList<CurrencyAmount> amounts) =>
        [.. amounts.Select(a => new CurrencyAmountResponse(a.Currency, a.Amount))];
}
