using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics;

public sealed class OverviewServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ForPeriodAsync_IngestedShop_CountsOnlyThisWorkspaceAndPeriodAndNetRevenue(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var yesterday = Now.AddDays(-1);
        var recent = Now.AddDays(-2);
        IngestMessage Cancel(string userId, string orderId) => Track(userId, null, CommerceEvents.OrderCancelled, recent, null,
            new OrderEvent(OrderEventKind.Cancelled, orderId, null, "JPY", 0, 0, 0, null, []));
        await ingest.WriteAsync([new IngestBatch(1, [
            .. Enumerable.Range(0, 9).Select(i => Page("u1", null, yesterday.AddMinutes(i))),
            Page(null, "a1", yesterday),
            .. Enumerable.Range(0, 3).Select(i => Track("u1", null, "a", Now.AddMinutes(-i - 10))),
            Track("u1", "a1", "a", Now.AddMinutes(-1)),   // merges the anonymous visitor into u1
            .. Enumerable.Range(0, 3).Select(i => Track("u2", null, "b", Now.AddMinutes(-i))),
            Track("u3", null, "c", Now.AddDays(3)),   // a device clock days ahead: not active today
            Order("u1", "o1", 1000, recent),
            Order("u2", "o2", 3000, recent),
            Refund("u2", "o2", 500, recent),
            Order("u2", "o3", 7000, recent),
            Cancel("u2", "o3"),
            Order("u1", "o4", 20, recent) with { Order = new OrderEvent(OrderEventKind.Completed, "o4", 20, "USD", 0, 0, 0, null, []) },
            Order("u1", "o5", 9000, Now.AddDays(-40)),
        ]), new IngestBatch(2, [
            .. Enumerable.Range(0, 50).Select(i => Track("u1", null, "a", Now.AddMinutes(-i))),
            Order("u1", "o6", 99999, recent),
        ])], Ct);

        var overviews = new OverviewService(store.Database, new FakeTimeProvider(Now));
        var period = await overviews.DefaultPeriodAsync(1, Ct);

        var overview = await overviews.ForPeriodAsync(1, period, Ct);

        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 10)), period);
        Assert.Equal(3, overview.Customers);
        Assert.Equal(1, overview.NewCustomers);   // u2; u1 was first seen 40 days ago, u3 only in the future
        Assert.Equal(7 + 10 + 6, overview.Events);
        Assert.Equal(("JPY", 3500m, 2L), (overview.Currency, overview.Revenue, overview.Orders));
        Assert.Equal(30, overview.Daily.Count);
        Assert.Equal(new DateOnly(2026, 3, 10), overview.Daily[^1].Day);
        Assert.Equal((7, 10, 6), (overview.Daily[^1].Events, overview.Daily[^2].Events, overview.Daily[^3].Events));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DefaultPeriodAsync_OnlyAnOldHistory_EndsOnItsLatestDay(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var lastOrder = new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero);
        await ingest.WriteAsync([new IngestBatch(1, [
            Order("u1", "536365", 139, new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero)),
            Order("u1", "581587", 249, lastOrder),
            Order("u2", "581586", 339, lastOrder.AddDays(-3)),
        ])], Ct);
        var overviews = new OverviewService(store.Database, new FakeTimeProvider(Now));

        var period = await overviews.DefaultPeriodAsync(1, Ct);
        var overview = await overviews.ForPeriodAsync(1, period, Ct);
        var empty = await overviews.DefaultPeriodAsync(2, Ct);

        Assert.Equal(new OverviewPeriod(new DateOnly(2011, 11, 10), new DateOnly(2011, 12, 9)), period);
        Assert.Equal((2L, 588m, 2L), (overview.Orders, overview.Revenue, overview.Events));
        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 10)), empty);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ForPeriodAsync_OrdersInThreeCurrencies_KeepsEachCurrencyApart(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var overviews = new OverviewService(store.Database, new FakeTimeProvider(Now));
        await ingest.WriteAsync([new IngestBatch(1, [
            Order("u1", "o1", 0, Now.AddDays(-2)) with { Order = new OrderEvent(OrderEventKind.Completed, "o1", 10.1m, "USD", 0, 0, 0, null, []) },
            Order("u1", "o2", 1000, Now.AddDays(-1)),
            Order("u1", "o4", 2000, Now.AddDays(-1)),
            Order("u2", "o3", 0, Now.AddDays(-3)) with { Order = new OrderEvent(OrderEventKind.Completed, "o3", 0.2m, "USD", 0, 0, 0, null, []) },
            Order("u2", "o5", 0, Now.AddDays(-3)) with { Order = new OrderEvent(OrderEventKind.Completed, "o5", 7.25m, "EUR", 0, 0, 0, null, []) },
        ])], Ct);

        var overview = await overviews.ForPeriodAsync(1, await overviews.DefaultPeriodAsync(1, Ct), Ct);

        Assert.Equal(("JPY", 3000m, 2L), (overview.Currency, overview.Revenue, overview.Orders));
        Assert.Equal(
            [new CurrencyRevenue("JPY", 2, 3000m), new CurrencyRevenue("USD", 2, 10.3m), new CurrencyRevenue("EUR", 1, 7.25m)],
            overview.RevenueByCurrency);
    }
}
