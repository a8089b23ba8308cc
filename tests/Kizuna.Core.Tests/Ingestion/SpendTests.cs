using Dapper;
using Kizuna.Commerce;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

public sealed class SpendTests
{
    private const long Ws = 1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_TenthsThatBinaryCannotHold_AddUpExactly(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Order("u1", "o-1", 0.1m, currency: "USD"), Order("u1", "o-2", 0.2m, T0.AddMinutes(1), currency: "USD")])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Order("u1", "o-3", 10802.39m, T0.AddMinutes(2), currency: "USD"), Refund("u1", "o-3", 0.09m, T0.AddMinutes(3))])], Ct);

        var profile = await FindAsync(store, "u1");
        var orders = await new ProfileService(store.Database).OrdersAsync(Ws, profile.Profile.Id, Ct);

        Assert.Equal("10802.6", profile.Profile.Aggregates.TotalSpent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10802.39m, orders.Single(o => o.OrderId == "o-3").Total);
        Assert.Equal(10802.3m, orders.Single(o => o.OrderId == "o-3").NetTotal);
        Assert.Equal(0.1m, orders.Single(o => o.OrderId == "o-1").Lines[0].Price);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_OrdersInUsdAndJpy_KeepsATotalPerCurrency(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Order("u1", "o-1", 59.5m, currency: "USD"),
            Order("u1", "o-2", 1200m, T0.AddMinutes(1)),
            Order("u1", "o-3", 40.25m, T0.AddMinutes(2), currency: "USD"),
        ])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Refund("u1", "o-2", null, T0.AddMinutes(3))])], Ct);

        var a = (await FindAsync(store, "u1")).Profile.Aggregates;

        Assert.Equal(("USD", 99.75m, 2L), (a.Currency, a.TotalSpent, a.Orders));
        Assert.Equal(
            [new CurrencySpend("USD", 2, 99.75m, T0, T0.AddMinutes(2)), new CurrencySpend("JPY", 0, 0m, T0.AddMinutes(1), T0.AddMinutes(1))],
            a.Spend);
        Assert.Equal(49.88m, a.AverageOrderValue);
        var summary = Assert.Single((await new ProfileService(store.Database).SearchAsync(Ws, new ProfileQuery(), Ct)).Items);
        Assert.Equal((99.75m, "USD"), (summary.TotalSpent, summary.Currency));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_MergeOfProfilesWithSpendInTwoCurrencies_KeepsThemApart(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Order("u1", "o-1", 1000m), Order("u1", "o-2", 500m, T0.AddMinutes(1))])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Track(null, "anon-1", "Order Completed", T0.AddMinutes(2), order: new OrderEvent(OrderEventKind.Completed, "o-3", 12.5m, "EUR", 0, 0, 0, null, [])),
        ])], Ct);

        await ingest.WriteAsync([new IngestBatch(Ws, [Track("u1", "anon-1", "Product Viewed", T0.AddMinutes(3))])], Ct);

        var a = (await FindAsync(store, "u1")).Profile.Aggregates;
        Assert.Equal(("JPY", 1500m, 3L), (a.Currency, a.TotalSpent, a.Orders));
        Assert.Equal([("JPY", 1500m), ("EUR", 12.5m)], a.Spend.Select(s => (s.Currency, s.Total)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_FloatingPointAmounts_BecomeExactAndSpendIsSplitByCurrency(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, 8, Ct);
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO profiles (workspace_id, id, first_seen, last_seen, order_count, total_spent) VALUES (1, 7, 0, 0, 3, 10861.890000000001);
                INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
                VALUES (1, 'o-1', 7, 'completed', 'usd', 10802.390000000001, 0, 1000, 1000),
                       (1, 'o-2', 7, 'partially_refunded', 'USD', 59.5, 0.30000000000000004, 2000, 2000),
                       (1, 'o-3', 7, 'completed', 'JPY', 1200, 0, 3000, 3000);
                INSERT INTO order_lines (workspace_id, order_id, line_no, price, quantity) VALUES (1, 'o-1', 1, 0.1, 3);
                """);
        }

        await store.Migrator.MigrateAsync(Ct);

        var profiles = new ProfileService(store.Database);
        var profile = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Id, "7"), Ct))!.Profile;
        var orders = await profiles.OrdersAsync(Ws, 7, Ct);
        Assert.Equal(("USD", 10861.59m), (profile.Aggregates.Currency, profile.Aggregates.TotalSpent));
        Assert.Equal([("USD", 2L, 10861.59m), ("JPY", 1L, 1200m)], profile.Aggregates.Spend.Select(s => (s.Currency, s.Orders, s.Total)));
        Assert.Equal("10802.39", orders.Single(o => o.OrderId == "o-1").Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.3m, orders.Single(o => o.OrderId == "o-2").RefundedAmount);
        Assert.Equal(0.1m, orders.Single(o => o.OrderId == "o-1").Lines[0].Price);
    }

    private static IngestStore Store(TestStore store) => new(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);

    private static async Task<ProfileDetail> FindAsync(TestStore store, string userId) =>
        (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!;
}
