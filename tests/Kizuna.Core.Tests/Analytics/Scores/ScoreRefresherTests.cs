using Dapper;
using Kizuna.Analytics.Rfm;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Scores;

public sealed class ScoreRefresherTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RefreshAsync_Shop_ScoresCountedOrdersOnlyAndReplacesItsNamesWhole(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var orders = Shop().ToList();
        await ingest.WriteAsync([new IngestBatch(1, [
            .. orders.Select(o => Order(o.User, o.Id, o.Total, o.At)),
            Order("c00", "usd-1", 5000, Now.AddDays(-3), currency: "USD"),   // not the main currency of c00: left out
            Order("c01", "zero-1", 0, Now.AddDays(-2)),                        // a zero total: left out
            Order("gone", "g-1", 800, Now.AddDays(-10)),
            Track("gone", null, CommerceEvents.OrderCancelled, Now.AddDays(-9), null, new OrderEvent(OrderEventKind.Cancelled, "g-1", null, "JPY", 0, 0, 0, null, [])),
            Order("later", "l-1", 800, Now.AddDays(2)),                        // placed after the refresh: left out
        ])], Ct);
        await InsertForeignValueAsync(store.Database);
        var refresher = Refresher(store.Database);

        var summary = await refresher.RefreshAsync(1, null, Ct);

        var expected = orders.GroupBy(o => o.User).ToDictionary(g => g.Key, g => (Orders: g.Count(), Total: g.Sum(o => o.Total)));
        Assert.Equal(expected.Count, summary.Customers);
        Assert.Equal(expected.Count, summary.Segments.Sum(s => s.Customers));
        Assert.Equal(expected.Count, summary.Cells.Sum(c => c.Customers));
        Assert.Equal(expected.Values.Sum(v => v.Total), summary.Segments.SelectMany(s => s.Revenue).Sum(r => r.Amount));
        Assert.NotNull(summary.Purchases);
        Assert.Equal(expected.Count, summary.Predicted);
        var clv = Assert.Single(summary.Clv);
        Assert.Equal("JPY", clv.Currency);
        Assert.Equal(clv.Total, clv.Buckets.Sum(b => b.Total));
        Assert.Equal(clv.Customers, clv.Buckets.Sum(b => b.Customers));

        var values = await ValuesAsync(store.Database);
        Assert.Equal(expected.Count, values.Count(v => v.Name == ScoreNames.RfmSegment));
        Assert.Equal(expected.Count * ScoreNames.All.Count, values.Count(v => ScoreNames.All.Contains(v.Name)));
        Assert.DoesNotContain(values, v => v.User is "gone" or "later");
        Assert.All(values.Where(v => v.Name == ScoreNames.ProbabilityAlive), v => Assert.InRange(v.Number!.Value, 0, 1));
        Assert.All(values.Where(v => v.Name == ScoreNames.PredictedClv), v => Assert.True(v.Number >= 0));
        Assert.All(values.Where(v => v.Name == ScoreNames.RfmSegment), v => Assert.NotNull(RfmSegments.Parse(v.Text)));
        var topSpender = expected.MaxBy(e => e.Value.Total).Key;
        Assert.Equal(5, values.Single(v => v.User == topSpender && v.Name == ScoreNames.RfmMonetary).Number);
        Assert.Equal(1, values.Count(v => v.Name == "loyalty_tier"));

        // The refresh also stores the dashboard's standard basket views, as of its time.
        var month = OverviewPeriod.Ending(OverviewPreset.Last30Days, DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(Now, (await new Baskets.BasketResultStore(store.Database).FindAsync(1, month, new Baskets.BasketSettings(0.01), Ct))?.ComputedAt);

        // c05 cancels every order: the next refresh takes its values away and leaves the other feature's alone.
        await ingest.WriteAsync([new IngestBatch(1, [.. orders.Where(o => o.User == "c05").Select(o =>
            Track("c05", null, CommerceEvents.OrderCancelled, Now.AddHours(-1), null, new OrderEvent(OrderEventKind.Cancelled, o.Id, null, "JPY", 0, 0, 0, null, [])))])], Ct);
        var second = await refresher.RefreshAsync(1, null, Ct);

        var after = await ValuesAsync(store.Database);
        Assert.Equal(expected.Count - 1, second.Customers);
        Assert.DoesNotContain(after, v => v.User == "c05" && ScoreNames.All.Contains(v.Name));
        Assert.Equal(1, after.Count(v => v.Name == "loyalty_tier"));
        Assert.Equal(second.Customers, (await new ScoreReader(store.Database, new Profiles.ProfileValueReader(store.Database)).SummaryAsync(1, Ct))!.Customers);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RefreshAsync_TooFewCustomers_ScoresRfmWithoutPredictions(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        await ingest.WriteAsync([new IngestBatch(1, [Order("a", "1", 100, Now.AddDays(-5)), Order("a", "2", 100, Now.AddDays(-1)), Order("b", "3", 50, Now.AddDays(-30))])], Ct);

        var summary = await Refresher(store.Database).RefreshAsync(1, null, Ct);

        Assert.Equal((2, 0), (summary.Customers, summary.Predicted));
        Assert.Null(summary.Purchases);
        Assert.Empty(summary.Clv);
        var values = await ValuesAsync(store.Database);
        Assert.Equal(10, values.Count);
        Assert.DoesNotContain(values, v => v.Name == ScoreNames.PredictedClv);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RefreshAsync_HistoryEndedYearsAgo_ScoresAsOfItsLastDay(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);
        var back = TimeSpan.FromDays(3 * 365);
        var orders = Shop().Select(o => o with { At = o.At - back }).ToList();
        await ingest.WriteAsync([new IngestBatch(1, [.. orders.Select(o => Order(o.User, o.Id, o.Total, o.At))])], Ct);
        var lastAt = orders.Max(o => o.At);

        var imported = await Refresher(store.Database).RefreshAsync(1, null, Ct);
        var asImported = await ValuesAsync(store.Database);
        await Refresher(store.Database, lastAt.AddMinutes(1)).RefreshAsync(1, null, Ct);
        var onItsLastDay = await ValuesAsync(store.Database);
        await Refresher(store.Database, Now, new ScoresOptions { HistoryGapDays = 0 }).RefreshAsync(1, null, Ct);
        var asOfToday = await ValuesAsync(store.Database);

        Assert.Equal(DateOnly.FromDateTime(lastAt.UtcDateTime), imported.AsOf);
        Assert.Equal(onItsLastDay, asImported);
        static double MeanAlive(List<(string User, string Name, double? Number, string? Text)> values) =>
            values.Where(v => v.Name == ScoreNames.ProbabilityAlive).Average(v => v.Number!.Value);
        Assert.True(MeanAlive(asImported) > MeanAlive(asOfToday) + 0.1, $"{MeanAlive(asImported)} against {MeanAlive(asOfToday)}");
    }

    /// <summary>Thirty customers: customer i places i % 5 + 1 orders on different days, of growing value.</summary>
    private static IEnumerable<(string User, string Id, decimal Total, DateTimeOffset At)> Shop()
    {
        for (var i = 0; i < 30; i++)
        {
            for (var n = 0; n <= i % 5; n++)
            {
                yield return ($"c{i:00}", $"o{i}-{n}", 1000 + 100 * i + 10 * n, Now.AddDays(-(i * 7 % 200) - 30 * n - 1));
            }
        }
    }

    private static ScoreRefresher Refresher(Database database, DateTimeOffset? now = null, ScoresOptions? options = null) => new(
        new PurchaseReader(database), new ScoreWriter(database), new Baskets.BasketRefresher(database), Options.Create(options ?? new ScoresOptions()), new FakeTimeProvider(now ?? Now),
        NullLogger<ScoreRefresher>.Instance);

    private static async Task InsertForeignValueAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at)
            SELECT 1, id, 'loyalty_tier', NULL, 'gold', 0 FROM profiles WHERE workspace_id = 1 AND user_id = 'c00'
            """);
    }

    private static async Task<List<(string User, string Name, double? Number, string? Text)>> ValuesAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        return [.. await connection.QueryAsync<(string, string, double?, string?)>(
            """
            SELECT p.user_id, v.name, v.number_value, v.text_value
            FROM computed_values v JOIN profiles p ON p.workspace_id = v.workspace_id AND p.id = v.profile_id
            WHERE v.workspace_id = 1
            """)];
    }
}
