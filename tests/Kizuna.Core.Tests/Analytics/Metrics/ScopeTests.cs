using Dapper;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Metrics;

public sealed class ScopeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly OverviewPeriod Period = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CommerceAsync_SegmentScope_CountsOnlyItsMembersAndMembersAsyncTheRest(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var day = Now.AddDays(-2);
        await harness.WriteAsync(
            Order("u1", "o1", 100, day), Order("u1", "o2", 300, day.AddHours(48)), Order("u2", "o3", 50, day),
            Order("u3", "o4", 1000, day), Order("u3", "o5", 7, day, currency: "USD"));
        await using (var connection = await harness.Database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at)
                SELECT workspace_id, 7, id, 0 FROM profiles WHERE user_id IN ('u1', 'u2')
                """);
        }

        var members = await harness.Metrics.CommerceAsync(new MetricsQuery(1, Period, MetricsScope.Segment(7)), Ct);
        var split = await harness.Metrics.MembersAsync(new MetricsQuery(1, Period, MetricsScope.Segment(7)), Ct);

        var m = members.Current;
        Assert.Equal(("JPY", 450m, 3L, 2L, 150m, 1.5, 0.5, 225m), (m.Currency, m.Revenue, m.Orders, m.Customers, m.AverageOrderValue, m.PurchaseFrequency, m.RepeatPurchaseRate, m.RevenuePerCustomer));
        Assert.Equal((2d, 400m, 50m, 8d), (m.MeanDaysBetweenOrders!.Value, m.RepeatCustomerSpend, m.OneTimeCustomerSpend, m.RepeatToOneTimeSpendRatio!.Value));
        Assert.Equal(2, m.Trend.Count(p => p.Orders > 0));
        Assert.Equal(450m, split.Current.Members.Revenue);
        Assert.Equal((1000m, 1L, "JPY"), (split.Current.NonMembers.Revenue, split.Current.NonMembers.Orders, split.Current.NonMembers.Currency));
        Assert.Equal(0, split.Previous.Members.Orders);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_AgeBandAndGender_GroupOrdersByTheTraits(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var day = Now.AddDays(-2);
        await harness.WriteAsync(
            Identify("u1", null, """{"birthday":"1990-03-11","gender":"f"}""", day),   // 35 on 2026-03-10, a day before turning 36
            Identify("u2", null, """{"age":24,"gender":"m"}""", day),
            Identify("u3", null, """{"age":"70","gender":"f"}""", day),
            Identify("u4", null, """{"birthday":"someday"}""", day),
            Order("u1", "o1", 100, day), Order("u2", "o2", 20, day), Order("u3", "o3", 30, day), Order("u4", "o4", 1, day));

        var ages = await harness.Metrics.SlicesAsync(new MetricsQuery(1, Period, MetricsScope.Workspace), SliceDimension.AgeBand, null, Ct);
        var genders = await harness.Metrics.SlicesAsync(new MetricsQuery(1, Period, MetricsScope.Workspace), SliceDimension.Trait, "gender", Ct);

        Assert.Equal(
            [("35-44", 100m), ("65+", 30m), ("18-24", 20m), (null, 1m)],
            ages.Current.Rows.Select(r => (r.Key, r.Revenue)));
        Assert.Equal([("f", 130m, 2L), ("m", 20m, 1L), (null, 1m, 1L)], genders.Current.Rows.Select(r => (r.Key, r.Revenue, r.Customers)));
    }
}
