namespace Kizuna.Analytics;

/// <summary>
/// The headline figures of a workspace over a period. Revenue is net of refunds and never adds currencies
/// together: <see cref="Currency"/> is the one with most orders and <see cref="Revenue"/> counts only its orders;
/// <see cref="RevenueByCurrency"/> has every currency, most orders first. <see cref="Daily"/> has one entry per day
/// of the period, zeros included.
/// </summary>
public sealed record WorkspaceOverview(
    OverviewPeriod Period,
    long Customers,
    long NewCustomers,
    long Events,
    decimal Revenue,
    string? Currency,
    long Orders,
    IReadOnlyList<DailyEvents> Daily)
{
    public IReadOnlyList<CurrencyRevenue> RevenueByCurrency { get; init; } = [];
}
