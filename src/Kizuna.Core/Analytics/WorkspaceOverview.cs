namespace Kizuna.Analytics;

/// <summary>
/// The headline figures of a workspace. Revenue is net of refunds over the last 30 days and never adds currencies
/// together: <see cref="Currency"/> is the one with most orders and <see cref="Revenue"/> counts only its orders;
/// <see cref="RevenueByCurrency"/> has every currency, most orders first.
/// </summary>
public sealed record WorkspaceOverview(
    long Customers,
    long EventsToday,
    long ActiveToday,
    decimal Revenue,
    string? Currency,
    long Orders,
    IReadOnlyList<DailyEvents> Last14Days)
{
    public IReadOnlyList<CurrencyRevenue> RevenueByCurrency { get; init; } = [];
}
