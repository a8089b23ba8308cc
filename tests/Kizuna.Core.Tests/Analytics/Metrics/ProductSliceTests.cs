using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Revenue by product and cohorts read roll-ups and single passes instead of grouping every line: they must still
/// follow each write path — an order's lines, a product twice in one order, cancellations, whole refunds and merges.
/// </summary>
public sealed class ProductSliceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly OverviewPeriod Period = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_ByProduct_FollowsLinesCancellationsRefundsAndMerges(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var day = Now.AddDays(-2);
        await harness.WriteAsync(
            Placed("u1", null, "o1", day, Line("p1", "Sencha", 10, 1), Line("p1", "Sencha tin", 5, 2), Line("p2", "Matcha", 3, 1)),
            Placed("u2", null, "o2", day, Line("p1", "Sencha", 10, 1)),
            Placed("u3", null, "o3", day, Line("p2", "Matcha", 7, 1)),
            Placed("u4", null, "o4", day, Line("p1", "Sencha", 100, 1)),
            Placed(null, "a5", "o5", day.AddHours(1), Line("p2", "Matcha", 4, 1)));
        await harness.WriteAsync(
            Track("u3", null, CommerceEvents.OrderCancelled, day.AddHours(2), order: new OrderEvent(OrderEventKind.Cancelled, "o3", null, "JPY", 0, 0, 0, null, [])),
            Refund("u4", "o4", null, day.AddHours(2)),
            Identify("u1", "a5", "{}", day.AddHours(3)));

        var products = (await harness.Metrics.SlicesAsync(new MetricsQuery(1, Period, MetricsScope.Workspace), SliceDimension.Product, null, Ct)).Current.Rows;

        Assert.Equal(
            [("p1", "Sencha tin", 30m, 2L, 2L, 4m), ("p2", "Matcha", 7m, 2L, 1L, 2m)],
            products.Select(r => (r.Key, r.Name, r.Revenue, r.Orders, r.Customers, r.Quantity)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CohortsAsync_FirstOpenOrder_GivesTheCohortAndLaterMonthsTheReturns(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var january = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);
        await harness.WriteAsync(
            Order("before", "b1", 10, january.AddMonths(-2)), Order("before", "b2", 10, january),
            Placed("late", null, "l0", january.AddMonths(-1), Line("p1", null, 10, 1)),
            Order("jan", "j1", 10, january), Order("jan", "j2", 10, january.AddDays(3)), Order("jan", "j3", 10, january.AddMonths(2)),
            Order("late", "l1", 10, january.AddMonths(1)),
            Order("feb", "f1", 10, january.AddMonths(1)), Order("feb", "f2", 10, january.AddMonths(1).AddDays(1)));
        await harness.WriteAsync(
            Track("late", null, CommerceEvents.OrderCancelled, january, order: new OrderEvent(OrderEventKind.Cancelled, "l0", null, "JPY", 0, 0, 0, null, [])));

        var cohorts = (await harness.Metrics.CohortsAsync(
            new MetricsQuery(1, new OverviewPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), MetricsScope.Workspace), Ct)).Current.Cohorts;

        Assert.Equal(
            [(new DateOnly(2026, 1, 1), 1L, new long[] { 1, 0, 1 }), (new DateOnly(2026, 2, 1), 2L, new long[] { 2, 0 })],
            cohorts.Select(c => (c.Month, c.Customers, c.Active.ToArray())));
    }

    private static OrderLine Line(string product, string? name, decimal price, decimal quantity) => new(product, null, name, "tea", price, quantity);

    private static IngestMessage Placed(string? userId, string? anonymousId, string orderId, DateTimeOffset at, params OrderLine[] lines) =>
        Track(userId, anonymousId, CommerceEvents.OrderCompleted, at, order:
            new OrderEvent(OrderEventKind.Completed, orderId, lines.Sum(l => l.Price * l.Quantity), "JPY", 0, 0, 0, null, lines));
}
