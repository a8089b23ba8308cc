namespace Kizuna.Analytics.Metrics;

/// <summary>
/// What the commerce figures of a period need of its orders, in one currency: orders and net revenue, the customers
/// who bought, those with two purchases or more, the revenue of one-time buyers, the sum over repeat customers of
/// the time from their first to their last purchase in the period, and orders and revenue per UTC day.
/// </summary>
internal sealed record PeriodTotals(
    long Orders, decimal Revenue, long Customers, long Repeaters, decimal OneTimeRevenue, long SpanMs,
    IReadOnlyList<(DateOnly Day, long Orders, decimal Revenue)> PerDay);
