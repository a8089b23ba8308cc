namespace Kizuna.Analytics;

/// <summary>
/// The headline figures of a workspace. Revenue is net of refunds over the last 30 days; when orders came in several
/// currencies, <see cref="Currency"/> is the most used one and <see cref="Revenue"/> counts only its orders.
/// </summary>
public sealed record WorkspaceOverview(
    long Customers,
    long EventsToday,
    long ActiveToday,
    double Revenue,
    string? Currency,
    long Orders,
    IReadOnlyList<DailyEvents> Last14Days);
