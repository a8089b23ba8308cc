namespace Kizuna.Analytics;

/// <summary>
/// The headline figures of a workspace over a period. Revenue is net of refunds; when orders came in several
/// currencies, <see cref="Currency"/> is the most used one and <see cref="Revenue"/> counts only its orders.
/// <see cref="Daily"/> has one entry per day of the period, zeros included.
/// </summary>
public sealed record WorkspaceOverview(
    OverviewPeriod Period,
    long Customers,
    long NewCustomers,
    long Events,
    double Revenue,
    string? Currency,
    long Orders,
    IReadOnlyList<DailyEvents> Daily);
