using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Analytics.Scores;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Cohorts read from <c>cohort_cells</c> and <c>cohort_months</c> (kept by the orders' triggers) must equal the
/// cohorts counted from the orders — each customer's first open order gives the cohort, every month with an open
/// order before the period's end a return — for any history: random orders in and out of time order and across month
/// ends (1969/1970 included), cancellations, refunds, merges, corrected days, deletions and an order a year before the
/// others; for random periods that start and end inside months, the whole workspace and a trait scope with its
/// complement, on both engines.
/// </summary>
public sealed class CohortCellsTests
{
    private const int Sequences = 12;
    private const int StepsPerSequence = 40;
    private const int PeriodsPerSequence = 6;
    private const long Ws = 1;
    private const long MsPerDay = 86_400_000;

    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Month ends the sequences are placed around (1970-01-01 first, where days before it are negative).</summary>
    private static readonly int[] BaseDays = [0, new DateOnly(2026, 3, 1).DayNumber - EpochDay, new DateOnly(2025, 12, 31).DayNumber - EpochDay];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CohortsAsync_RandomHistoriesPeriodsAndScopes_EqualTheCohortsCountedFromTheOrders(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var reader = new CohortReader(store.Database);
        var random = new Rnd(20261207);
        var sequences = OrderStep.Sequence(StepsPerSequence).Sample(Sequences, random, 10);
        var periods = (from start in Gen.Choose(-40, 3) from length in Gen.Choose(1, 60) select (start, length)).Sample(Sequences * PeriodsPerSequence, random, 10);
        var gold = MetricsScope.Trait("tier", "gold");
        for (var s = 0; s < sequences.Length; s++)
        {
            var baseDay = BaseDays[s % BaseDays.Length];
            await CustomerPurchasesTests.ApplyAsync(store.Database, s, baseDay, sequences[s], i => i % 2 == 0 ? """{"tier":"gold"}""" : "{}");
            await PlaceOrderAsync(store.Database, $"s{s}-early", (s * 10) + 4, (baseDay - 400) * MsPerDay);
            await PlaceOrderAsync(store.Database, $"s{s}-later", (s * 10) + 2, (baseDay + 35) * MsPerDay);
            var orders = await OrdersAsync(store.Database);
            var chosen = Enumerable.Range(0, PeriodsPerSequence).Select(p => periods[(s * PeriodsPerSequence) + p])
                .Append((start: -420, length: 460)).Append((start: -2, length: 1));
            foreach (var (start, length) in chosen)
            {
                var from = DateOnly.FromDayNumber(EpochDay + baseDay + start);
                var period = new OverviewPeriod(from, from.AddDays(length - 1));
                var why = $"{engine}, sequence {s}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}: {string.Join("; ", sequences[s])}";
                foreach (var (scope, holds) in new (MetricsScope, Func<long, bool>)[]
                         {
                             (MetricsScope.Workspace, _ => true), (gold, IsGold), (gold.Complement(), p => !IsGold(p)),
                         })
                {
                    var read = await reader.ReadAsync(new MetricsQuery(Ws, period, scope), Ct);
                    var expected = Expected(orders.Where(o => holds(o.Profile)), period);
                    Assert.True(expected.SequenceEqual(Text(read)), $"{Name(scope)}: {why}; expected {string.Join("; ", expected)}, read {string.Join("; ", Text(read))}");
                }
            }
        }
    }

    /// <summary>Customers of even index (ids sequence × 10 + 1, + 3, + 5) have the tier gold.</summary>
    private static bool IsGold(long profile) => ((profile % 10) - 1) % 2 == 0;

    private static string Name(MetricsScope scope) => scope.IsWorkspace ? "workspace" : scope.Excluded ? "not gold" : "gold";

    private static async Task PlaceOrderAsync(Database database, string order, long customer, long at)
    {
        await using var connection = await database.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
            VALUES (@ws, @order, @customer, 'completed', 'USD', @total, 0, @at, @at)
            """,
            new { ws = Ws, order, customer, total = database.Kind == StoreKind.Postgres ? 3.5m : (object)35_000L, at });
    }

    private static async Task<List<(long Profile, string Status, long At)>> OrdersAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        return [.. await connection.QueryAsync<(long Profile, string Status, long At)>(
            "SELECT profile_id, status, placed_at FROM orders WHERE workspace_id = @ws", new { ws = Ws })];
    }

    /// <summary>The cohorts as docs/analytics.md defines them, counted in code from every open order.</summary>
    private static List<string> Expected(IEnumerable<(long Profile, string Status, long At)> orders, OverviewPeriod period)
    {
        var since = (period.From.DayNumber - EpochDay) * MsPerDay;
        var until = (period.To.DayNumber - EpochDay + 1) * MsPerDay;
        var end = Month(period.To);
        return [.. orders
            .Where(o => o.Status is "completed" or "partially_refunded" && o.At < until)
            .GroupBy(o => o.Profile)
            .Where(g => g.Min(o => o.At) >= since)
            .SelectMany(g => g.Select(o => Month(Day(o.At))).Distinct().Select(m => (Cohort: Month(Day(g.Min(o => o.At))), Month: m)))
            .GroupBy(c => c.Cohort)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var active = new long[end - g.Key + 1];
                foreach (var month in g)
                {
                    active[month.Month - g.Key]++;
                }

                return Text(g.Key, active);
            })];
    }

    private static List<string> Text(CohortRetention retention) =>
        [.. retention.Cohorts.Select(c => Text(Month(c.Month), c.Active, c.Customers))];

    private static string Text(int month, IReadOnlyList<long> active, long? customers = null) =>
        $"{month / 12}-{(month % 12) + 1}: {customers ?? active[0]} | {string.Join(",", active)}";

    private static DateOnly Day(long at) => DateOnly.FromDayNumber(EpochDay + Epoch.Day(at));

    private static int Month(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
