namespace Kizuna.Analytics.Metrics;

/// <summary>
/// What the commerce figures of a period need of its orders, in one currency: orders and net revenue, the customers
/// who bought, those with two purchases or more, the revenue of one-time buyers, the sum over repeat customers of
/// the time from their first to their last purchase in the period, and orders and revenue per UTC day.
/// </summary>
internal sealed record PeriodTotals(
    long Orders, decimal Revenue, long Customers, long Repeaters, decimal OneTimeRevenue, long SpanMs,
    IReadOnlyList<(DateOnly Day, long Orders, decimal Revenue)> PerDay)
{
    /// <summary>No orders.</summary>
    public static readonly PeriodTotals None = new(0, 0, 0, 0, 0, 0, []);

    /// <summary>These totals without <paramref name="part"/>'s orders (a scope's, read over the same period and currency).</summary>
    public PeriodTotals Less(PeriodTotals part)
    {
        var days = PerDay.ToDictionary(d => d.Day, d => (d.Orders, d.Revenue));
        foreach (var (day, orders, revenue) in part.PerDay)
        {
            var (allOrders, allRevenue) = days.GetValueOrDefault(day);
            days[day] = (allOrders - orders, allRevenue - revenue);
        }

        return new PeriodTotals(
            Orders - part.Orders, Revenue - part.Revenue, Customers - part.Customers, Repeaters - part.Repeaters,
            OneTimeRevenue - part.OneTimeRevenue, SpanMs - part.SpanMs,
            [.. days.Where(d => d.Value.Orders != 0 || d.Value.Revenue != 0).OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Orders, d.Value.Revenue))]);
    }
}
