using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>Purchases over a period in one currency; docs/analytics.md defines each figure.</summary>
public sealed record CommerceResponse(
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
    double? RepeatToOneTimeSpendRatio,
    IReadOnlyList<CurrencyResponse> Currencies,
    IReadOnlyList<RevenuePointResponse> Trend)
{
    public static CommerceResponse From(CommerceMetrics m) => new(
        m.Currency, m.Revenue, m.Orders, m.Customers, m.AverageOrderValue, m.PurchaseFrequency, m.RepeatPurchaseRate,
        m.RevenuePerCustomer, m.RepeatCustomers, m.MeanDaysBetweenOrders, m.RepeatCustomerSpend, m.OneTimeCustomerSpend,
        m.RepeatToOneTimeSpendRatio,
        [.. m.Currencies.Select(c => new CurrencyResponse(c.Currency, c.Orders, c.Revenue))],
        [.. m.Trend.Select(p => new RevenuePointResponse(p.Start, p.Revenue, p.Orders))]);
}
