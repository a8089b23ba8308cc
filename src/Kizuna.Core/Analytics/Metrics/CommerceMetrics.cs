namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Purchases over a period in one currency (see docs/analytics.md for each formula): revenue net of refunds, open
/// orders, buying customers and what follows from them. Averages of money are rounded to 4 places; a figure whose
/// denominator is zero is 0 (rates) or null (times between orders, ratios). <see cref="Currencies"/> lists every
/// currency that had orders, most first, for a picker.
/// </summary>
public sealed record CommerceMetrics(
    string? Currency,
    decimal Revenue,
    long Orders,
    long Customers,
    decimal AverageOrderValue,
    double PurchaseFrequency,
    double RepeatPurchaseRate,
    decimal RevenuePerCustomer,
    long RepeatCustomers,
    double? MeanDaysBetweenOrders,
    decimal RepeatCustomerSpend,
    decimal OneTimeCustomerSpend,
    double? RepeatToOneTimeSpendRatio)
{
    public IReadOnlyList<CurrencyRevenue> Currencies { get; init; } = [];

    /// <summary>Revenue and orders per day (periods up to 92 days) or per calendar month, every bucket present.</summary>
    public IReadOnlyList<RevenuePoint> Trend { get; init; } = [];

    public static CommerceMetrics Empty(string? currency) => new(currency, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, null);
}
