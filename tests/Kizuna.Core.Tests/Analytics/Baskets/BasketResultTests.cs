using System.Text.Json;
using Kizuna.Analytics.Metrics;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// The standard basket views stored at the scores refresh against the rules mined live from the same orders: the
/// same baskets, itemsets, rules, counts, measures and names, view by view, on both engines; each workspace its own.
/// </summary>
public sealed class BasketResultTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Products = ["tea", "cup", "pot", "tray", "spoon", "cake", "jam", "bag"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RefreshAsync_StandardViews_StoreWhatTheLiveComputationFinds(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await WriteAsync(store.Database, 1, Shop(seed: 7, orders: 600));
        var refresher = new BasketRefresher(store.Database);
        var service = new BasketService(store.Database);

        var stored = await refresher.RefreshAsync(1, Now, Ct);

        Assert.Equal(BasketViews.Presets.Count * BasketViews.Settings.Count, stored);
        var results = new BasketResultStore(store.Database);
        foreach (var period in BasketViews.Periods(DateOnly.FromDateTime(Now.UtcDateTime)))
        {
            foreach (var settings in BasketViews.Settings)
            {
                var query = new MetricsQuery(1, period, MetricsScope.Workspace);
                var live = await service.ComputeAsync(query, settings, Ct);
                var read = await results.FindAsync(1, period, settings, Ct);

                Assert.NotNull(read);
                Assert.Equal(Now, read.ComputedAt);
                Assert.Null(live.ComputedAt);
                Assert.True(live.Baskets > 0);
                Assert.Equal(Json(live), Json(read with { ComputedAt = null }));
                Assert.Equal(Now, (await service.AnalyseAsync(query, settings, Ct)).ComputedAt);
            }
        }

        // The 30-day view has rules to compare (not only empty lists), and names the products as the lines did.
        var month = await service.AnalyseAsync(Query(1, OverviewPreset.Last30Days), new BasketSettings(0.01), Ct);
        Assert.NotEmpty(month.Rules);
        Assert.NotEmpty(month.Itemsets);
        Assert.Equal("Tea (large)", month.ProductNames["tea"]);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnalyseAsync_OutsideTheStandardViews_MinesNow(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await WriteAsync(store.Database, 1, Shop(seed: 3, orders: 200));
        await new BasketRefresher(store.Database).RefreshAsync(1, Now, Ct);
        var service = new BasketService(store.Database);
        var month = Query(1, OverviewPreset.Last30Days);

        Assert.NotNull((await service.AnalyseAsync(month, new BasketSettings(0.02), Ct)).ComputedAt);
        Assert.Null((await service.AnalyseAsync(month, new BasketSettings(0.05), Ct)).ComputedAt);
        Assert.Null((await service.AnalyseAsync(month, new BasketSettings(0.01, MinLift: 1.5), Ct)).ComputedAt);
        Assert.Null((await service.AnalyseAsync(month with { Scope = MetricsScope.Trait("country", "France") }, new BasketSettings(0.01), Ct)).ComputedAt);
        Assert.Null((await service.AnalyseAsync(Query(1, OverviewPreset.Last12Months), new BasketSettings(0.01), Ct)).ComputedAt);
        Assert.Null((await service.AnalyseAsync(month with { Period = new OverviewPeriod(month.Period.From, month.Period.To.AddDays(-1)) }, new BasketSettings(0.01), Ct)).ComputedAt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RefreshAsync_TwoWorkspaces_EachReadsAndReplacesOnlyItsOwn(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await WriteAsync(store.Database, 1, Shop(seed: 1, orders: 300));
        await WriteAsync(store.Database, 2, Shop(seed: 2, orders: 300));
        var refresher = new BasketRefresher(store.Database);
        var service = new BasketService(store.Database);
        var settings = new BasketSettings(0.01);

        await refresher.RefreshAsync(1, Now, Ct);

        Assert.NotNull((await service.AnalyseAsync(Query(1, OverviewPreset.Last30Days), settings, Ct)).ComputedAt);
        var second = await service.AnalyseAsync(Query(2, OverviewPreset.Last30Days), settings, Ct);
        Assert.Null(second.ComputedAt);

        await refresher.RefreshAsync(2, Now.AddHours(1), Ct);

        var first = await service.AnalyseAsync(Query(1, OverviewPreset.Last30Days), settings, Ct);
        var stored = await service.AnalyseAsync(Query(2, OverviewPreset.Last30Days), settings, Ct);
        Assert.Equal(Now, first.ComputedAt);
        Assert.Equal(Now.AddHours(1), stored.ComputedAt);
        Assert.Equal(Json(second), Json(stored with { ComputedAt = null }));
        Assert.Equal(Json(await service.ComputeAsync(Query(1, OverviewPreset.Last30Days), settings, Ct)), Json(first with { ComputedAt = null }));
    }

    private static MetricsQuery Query(long workspaceId, OverviewPreset preset) =>
        new(workspaceId, OverviewPeriod.Ending(preset, DateOnly.FromDateTime(Now.UtcDateTime)), MetricsScope.Workspace);

    private static string Json(BasketAnalysis analysis) => JsonSerializer.Serialize(analysis);

    private static Task WriteAsync(Database database, long workspaceId, IEnumerable<IngestMessage> messages) =>
        new IngestStore(database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System)
            .WriteAsync([new IngestBatch(workspaceId, [.. messages])], Ct);

    /// <summary>
    /// Orders over the last 100 days, a little before and after too: products bought together often (tea with a cup,
    /// a pot with a tray), a product named two ways, free gifts, cancelled orders, and an order placed after now.
    /// </summary>
    private static IEnumerable<IngestMessage> Shop(int seed, int orders)
    {
        var random = new Random(seed);
        for (var i = 0; i < orders; i++)
        {
            var at = Now.AddDays(-random.Next(0, 100)).AddMinutes(-random.Next(0, 1440));
            var lines = new List<OrderLine>();
            foreach (var product in Products.Where(_ => random.NextDouble() < 0.3).DefaultIfEmpty(Products[random.Next(Products.Length)]))
            {
                var name = product == "tea" ? (random.Next(2) == 0 ? "Tea" : "Tea (large)") : product.ToUpperInvariant();
                lines.Add(new OrderLine(product, null, name, "shop", 100 + random.Next(500), 1 + random.Next(3)));
                if (product == "tea" && random.NextDouble() < 0.7)
                {
                    lines.Add(new OrderLine("cup", null, "CUP", "shop", 300, 1));
                }
                else if (product == "pot" && random.NextDouble() < 0.6)
                {
                    lines.Add(new OrderLine("tray", null, "TRAY", "shop", 800, 1));
                }
            }

            if (random.NextDouble() < 0.1)
            {
                lines.Add(new OrderLine("gift", null, "GIFT", "shop", 0, 1));
            }

            var user = $"c{random.Next(0, orders / 3)}";
            var orderId = $"o{i}";
            yield return Track(user, null, CommerceEvents.OrderCompleted, at, null,
                new OrderEvent(OrderEventKind.Completed, orderId, lines.Sum(l => l.Price * l.Quantity), "JPY", 0, 0, 0, null, lines));
            if (random.NextDouble() < 0.05)
            {
                yield return Track(user, null, CommerceEvents.OrderCancelled, at.AddHours(1), null,
                    new OrderEvent(OrderEventKind.Cancelled, orderId, null, "JPY", 0, 0, 0, null, []));
            }
        }

        yield return Track("late", null, CommerceEvents.OrderCompleted, Now.AddDays(2), null,
            new OrderEvent(OrderEventKind.Completed, "late-1", 400, "JPY", 0, 0, 0, null, [new OrderLine("tea", null, "Tea", "shop", 200, 1), new OrderLine("cup", null, "CUP", "shop", 200, 1)]));
    }
}
