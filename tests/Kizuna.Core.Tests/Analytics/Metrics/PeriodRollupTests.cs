using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Analytics.Scores;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// The commerce figures read from the period roll-ups (the order links and their cells, kept by the orders'
/// triggers) must equal the figures counted from the orders themselves, for any history and any period: random
/// orders (out of time order, at the same minute, before 1970, in three currencies or none), cancellations, refunds,
/// merges, corrected days and deletions, then random periods, for the whole workspace (the cells), a trait scope
/// and its complement (the links; also the period and the period before in one pass, in the currency asked for or
/// chosen), a sliced trait's value and its complement (the value's cells, also against the links read as for any
/// other trait), and members against the rest (the workspace's cells less the members' links or cells), on both
/// engines. Customers get their country when created, before their orders, and change or lose it after them, so
/// periods fall before and after trait changes; the value's cells must then equal a recount from the links.
/// </summary>
public sealed class PeriodRollupTests
{
    private const int Sequences = 16;
    private const int StepsPerSequence = 40;
    private const int PeriodsPerSequence = 12;
    private const long Ws = 1;
    private const long MsPerDay = 86_400_000;

    private static readonly MetricsScope Gold = MetricsScope.Trait("tier", "gold");

    private static readonly MetricsScope Japan = MetricsScope.Trait("country", "JP");

    /// <summary>A customer's country when created (by index among the sequence's five), before any order.</summary>
    private static readonly string?[] FirstCountries = ["JP", "FR", null, "JP", "JP"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAsync_RandomHistoriesAndPeriods_EqualsTheFiguresCountedFromTheOrders(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var reader = new CommerceMetricsReader(store.Database);
        var links = new CommerceMetricsReader(store.Database) { TraitCells = false };
        var traits = new Dictionary<long, (bool Gold, string? Country)>();
        var random = new Rnd(20261205);
        var sequences = OrderStep.Sequence(StepsPerSequence).Sample(Sequences, random, 10);
        var periods = (from start in Gen.Choose(-5, 4) from length in Gen.Choose(1, 7) select (start, length)).Sample(Sequences * PeriodsPerSequence, random, 10);
        for (var s = 0; s < sequences.Length; s++)
        {
            // Every third sequence is placed around 1970-01-01, where a day must be floored, not truncated.
            var baseDay = s % 3 == 0 ? 0 : 20_000;
            for (var i = 0; i < 5; i++)
            {
                traits[(s * 10) + i + 1] = (false, FirstCountries[i]);
            }

            await CustomerPurchasesTests.ApplyAsync(store.Database, s, baseDay, sequences[s], i => Json(false, FirstCountries[i]));
            await ChangeTraitsAsync(store.Database, s, traits);
            await AssertCellsEqualRecountAsync(store.Database, $"{engine}, sequence {s}: {string.Join("; ", sequences[s])}");
            var orders = await OrdersAsync(store.Database);
            bool Holds(MetricsScope scope, long profile) => InScope(traits, scope, profile);
            for (var p = 0; p < PeriodsPerSequence; p++)
            {
                var (start, length) = periods[(s * PeriodsPerSequence) + p];
                var from = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + baseDay + start);
                var period = new OverviewPeriod(from, from.AddDays(length - 1));
                foreach (var scope in new[] { MetricsScope.Workspace, Gold, Gold.Complement(), Japan, Japan.Complement() })
                {
                    var query = new MetricsQuery(Ws, period, scope);
                    var why = $"{engine}, sequence {s}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}, {Describe(scope)}: {string.Join("; ", sequences[s])}";
                    var inScope = orders.Where(o => Holds(scope, o.Profile)).ToList();
                    Assert.True(ExpectedCurrencies(inScope, period).SequenceEqual((await reader.CurrenciesAsync(query, Ct)).Select(Text)), why);
                    foreach (var currency in OrderStep.Currencies)
                    {
                        var read = Text(await reader.ReadAsync(query, currency, Ct));
                        Assert.Equal(Expected(inScope, period, currency), read);
                        Assert.Equal(Text(await links.ReadAsync(query, currency, Ct)), read);
                    }
                }

                // A scope's period and the period before (the workspace's read side by side, any other scope's in
                // one pass), in the currency asked for or chosen.
                foreach (var scope in new[] { MetricsScope.Workspace, Gold, Gold.Complement(), Japan, Japan.Complement() })
                {
                    var inScope = orders.Where(o => Holds(scope, o.Profile)).ToList();
                    foreach (var asked in new[] { "JPY", "USD", null })
                    {
                        var why = $"{engine}, sequence {s}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}, {Describe(scope)}, {asked}: {string.Join("; ", sequences[s])}";
                        var query = new MetricsQuery(Ws, period, scope);
                        var compared = scope.IsWorkspace ? await reader.ReadWorkspaceComparedAsync(query, asked, Ct) : await reader.ReadScopeComparedAsync(query, asked, Ct);
                        var top = asked ?? Top(inScope, period) ?? Top(inScope, period.Before());
                        var chosen = string.IsNullOrEmpty(top) ? null : top;
                        Assert.True(ExpectedCurrencies(inScope, period).SequenceEqual(compared.Current.Currencies.Select(Text)), why);
                        Assert.Equal(Expected(inScope, period, chosen), Text(compared.Current));
                        Assert.Equal(Expected(inScope, period.Before(), chosen), Text(compared.Previous));
                        var fromLinks = await links.ReadScopeComparedAsync(new MetricsQuery(Ws, period, scope), asked, Ct);
                        Assert.True(compared.Current.Currencies.Select(Text).SequenceEqual(fromLinks.Current.Currencies.Select(Text)), why);
                        Assert.Equal(Text(fromLinks.Current), Text(compared.Current));
                        Assert.Equal(Text(fromLinks.Previous), Text(compared.Previous));
                    }
                }

                // Members against the rest (the rest is the workspace's cells less the members' links or cells), both periods.
                foreach (var scope in new[] { Gold, Japan })
                {
                    foreach (var currency in OrderStep.Currencies)
                    {
                        // '' asks for the orders that stated no currency (null would pick the top one).
                        var (current, previous) = await reader.ReadSplitComparedAsync(new MetricsQuery(Ws, period, scope), currency ?? "", Ct);
                        List<(long Profile, string Currency, string Status, decimal Net, long At)> members = [.. orders.Where(o => Holds(scope, o.Profile))];
                        List<(long Profile, string Currency, string Status, decimal Net, long At)> rest = [.. orders.Where(o => Holds(scope.Complement(), o.Profile))];
                        Assert.Equal(Expected(members, period, currency), Text(current.Members));
                        Assert.Equal(Expected(rest, period, currency), Text(current.Others));
                        Assert.Equal(Expected(members, period.Before(), currency), Text(previous.Members));
                        Assert.Equal(Expected(rest, period.Before(), currency), Text(previous.Others));
                    }
                }
            }
        }
    }

    /// <summary>Whether a customer is in the scope by the traits they hold now.</summary>
    private static bool InScope(Dictionary<long, (bool Gold, string? Country)> traits, MetricsScope scope, long profile)
    {
        if (scope.IsWorkspace)
        {
            return true;
        }

        var (gold, country) = traits.GetValueOrDefault(profile);
        var holds = scope.TraitName == "tier" ? gold : country == scope.TraitValue;
        return holds != scope.Excluded;
    }

    private static string Describe(MetricsScope scope) =>
        scope.IsWorkspace ? "workspace" : $"{(scope.Excluded ? "not " : "")}{scope.TraitName} = {scope.TraitValue}";

    private static string Json(bool gold, string? country) =>
        (gold, country) switch
        {
            (true, null) => """{"tier":"gold"}""",
            (true, _) => $$"""{"tier":"gold","country":"{{country}}"}""",
            (false, null) => "{}",
            _ => $$"""{"country":"{{country}}"}""",
        };

    /// <summary>
    /// After the sequence's orders: its customers whose id is even get tier = gold, and every customer of this and the
    /// sequence before moves to another country or loses it (by id and sequence), as a profile update writes it.
    /// </summary>
    private static async Task ChangeTraitsAsync(Database database, int sequence, Dictionary<long, (bool Gold, string? Country)> traits)
    {
        await using var connection = await database.OpenAsync(Ct);
        var json = database.Kind == StoreKind.Postgres ? "CAST(@traits AS jsonb)" : "@traits";
        string?[] countries = ["JP", "FR", null];
        foreach (var id in traits.Keys.Where(id => id > (sequence - 1) * 10 && id <= (sequence * 10) + 10).ToList())
        {
            var (gold, _) = traits[id];
            var changed = (gold || (id > sequence * 10 && id % 2 == 0), countries[(id + sequence) % 3]);
            traits[id] = changed;
            await connection.ExecuteAsync(
                $"UPDATE profiles SET traits = {json} WHERE workspace_id = @ws AND id = @id",
                new { ws = Ws, id, traits = Json(changed.Item1, changed.Item2) });
        }
    }

    /// <summary>The value cells as stored (every cell not back to zero) against a recount from the links and traits.</summary>
    private static async Task AssertCellsEqualRecountAsync(Database database, string why)
    {
        await using var connection = await database.OpenAsync(Ct);
        var stored = await connection.QueryAsync<(string Name, string Value, long Kind, long A, string Currency, long B, long Orders, decimal Net, long Offset)>(
            """
            SELECT name, value, CAST(kind AS bigint), a, currency, b, orders, net, offset_ms FROM trait_link_cells
            WHERE workspace_id = @ws AND (orders <> 0 OR net <> 0 OR offset_ms <> 0)
            """, new { ws = Ws });
        var recount = await connection.QueryAsync<(string Name, string Value, long Kind, long A, string Currency, long B, long Orders, decimal Net, long Offset)>(
            """
            SELECT t.name, t.value, CAST(k.kind AS bigint), CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
                   CAST(COUNT(*) AS bigint), SUM(l.net), CAST(SUM(l.placed_at - l.d * 86400000) AS bigint)
            FROM profile_traits t
            JOIN (SELECT workspace_id, profile_id, currency, placed_at, net,
                         (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                         CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                         CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
                  FROM order_links) l ON l.workspace_id = t.workspace_id AND l.profile_id = t.profile_id
            CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
            WHERE t.workspace_id = @ws AND t.name IN (SELECT name FROM slice_traits)
            GROUP BY 1, 2, 3, 4, 5, 6
            """, new { ws = Ws });
        static string Row((string Name, string Value, long Kind, long A, string Currency, long B, long Orders, decimal Net, long Offset) r) =>
            FormattableString.Invariant($"{r.Name}|{r.Value}|{r.Kind}|{r.A}|{r.Currency}|{r.B}|{r.Orders}|{r.Net:0.0000}|{r.Offset}");
        Assert.True(stored.Select(Row).Order(StringComparer.Ordinal).SequenceEqual(recount.Select(Row).Order(StringComparer.Ordinal)), why);
    }

    private static async Task<List<(long Profile, string Currency, string Status, decimal Net, long At)>> OrdersAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var units = database.Kind == StoreKind.Postgres ? 1m : 10_000m;
        var rows = await connection.QueryAsync<(long Profile, string? Currency, string Status, decimal Total, decimal Refunded, long At)>(
            "SELECT profile_id, currency, status, total, refunded_amount, placed_at FROM orders WHERE workspace_id = @ws", new { ws = Ws });
        return [.. rows.Select(r => (r.Profile, r.Currency ?? "", r.Status, (r.Total - r.Refunded) / units, r.At))];
    }

    private static IEnumerable<(long Profile, string Currency, string Status, decimal Net, long At)> Purchases(
        IEnumerable<(long Profile, string Currency, string Status, decimal Net, long At)> orders, OverviewPeriod period)
    {
        var since = (period.From.DayNumber - new DateOnly(1970, 1, 1).DayNumber) * MsPerDay;
        var until = (period.To.DayNumber - new DateOnly(1970, 1, 1).DayNumber + 1) * MsPerDay;
        return orders.Where(o => o.Status is "completed" or "partially_refunded" && o.At >= since && o.At < until);
    }

    private static IEnumerable<string> ExpectedCurrencies(List<(long Profile, string Currency, string Status, decimal Net, long At)> orders, OverviewPeriod period) =>
        Purchases(orders, period)
            .GroupBy(o => o.Currency)
            .Select(g => (Currency: g.Key, Orders: (long)g.Count(), Revenue: g.Sum(o => o.Net)))
            .OrderByDescending(c => c.Orders).ThenBy(c => c.Currency, StringComparer.Ordinal)
            .Select(c => Text(new CurrencyRevenue(c.Currency.Length == 0 ? null : c.Currency, c.Orders, c.Revenue)));

    /// <summary>The currency with most orders in the period ('' none stated), or null when it had no orders.</summary>
    private static string? Top(List<(long Profile, string Currency, string Status, decimal Net, long At)> orders, OverviewPeriod period) =>
        Purchases(orders, period).GroupBy(o => o.Currency).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>The figures as docs/analytics.md defines them, counted customer by customer.</summary>
    private static string Expected(List<(long Profile, string Currency, string Status, decimal Net, long At)> orders, OverviewPeriod period, string? currency)
    {
        var purchases = Purchases(orders, period).Where(o => o.Currency == (currency ?? "")).ToList();
        var customers = purchases.GroupBy(o => o.Profile)
            .Select(g => (Orders: (long)g.Count(), Spend: g.Sum(o => o.Net), Span: g.Max(o => o.At) - g.Min(o => o.At))).ToList();
        var revenue = purchases.Sum(o => o.Net);
        var repeaters = customers.Where(c => c.Orders > 1).ToList();
        var oneTimers = customers.Where(c => c.Orders == 1).ToList();
        var gaps = customers.Sum(c => c.Orders - 1);
        var repeatAverage = Average(repeaters.Sum(c => c.Spend), repeaters.Count);
        var oneTimeAverage = Average(oneTimers.Sum(c => c.Spend), oneTimers.Count);
        var metrics = new CommerceMetrics(
            currency, revenue, purchases.Count, customers.Count, Average(revenue, purchases.Count),
            customers.Count == 0 ? 0 : (double)purchases.Count / customers.Count,
            customers.Count == 0 ? 0 : (double)repeaters.Count / customers.Count,
            Average(revenue, customers.Count), repeaters.Count,
            gaps == 0 ? null : repeaters.Sum(c => c.Span) / (double)MsPerDay / gaps,
            repeatAverage, oneTimeAverage,
            repeaters.Count == 0 || oneTimers.Count == 0 || oneTimeAverage == 0 ? null : (double)(repeatAverage / oneTimeAverage))
        {
            Trend = [.. TrendBuckets.All(period).Select(b => new RevenuePoint(b,
                purchases.Where(o => TrendBuckets.StartOf(period, DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + (int)Epoch.Day(o.At))) == b).Sum(o => o.Net),
                purchases.Count(o => TrendBuckets.StartOf(period, DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + (int)Epoch.Day(o.At))) == b)))],
        };
        return Text(metrics);
    }

    private static decimal Average(decimal sum, long count) => count == 0 ? 0 : Money.Round(sum / count);

    private static string Text(CurrencyRevenue c) => FormattableString.Invariant($"{c.Currency}|{c.Orders}|{Money.Round(c.Revenue)}");

    private static string Text(CommerceMetrics m) =>
        string.Join("|", m with { Revenue = Money.Round(m.Revenue), Currencies = [], Trend = [] },
            string.Join(",", m.Trend.Select(t => FormattableString.Invariant($"{t.Start:yyyy-MM-dd}:{t.Orders}:{Money.Round(t.Revenue)}"))));
}
