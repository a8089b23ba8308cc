using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Analytics.Scores;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Revenue by product over the whole workspace, read from <c>product_cells</c> (kept by the triggers of
/// <c>product_days</c>), must equal the slice counted from the orders' lines, for any history: random orders with one
/// to three lines (a product twice in one order, lines without a product, names that differ), out of time order and
/// before 1970, cancellations, refunds, merges, corrected days and deletions, and an order over a year before the
/// others, within days or spread over months; for random periods, periods of whole months with days at their edges
/// (<c>product_months</c>) and periods over a year long, on both engines.
/// </summary>
public sealed class ProductCellsTests
{
    private const int Sequences = 12;
    private const int StepsPerSequence = 40;
    private const int PeriodsPerSequence = 6;
    private const long Ws = 1;
    private const long MsPerDay = 86_400_000;

    private static readonly string?[] Products = ["p1", "p2", "p3", null];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_ByProductRandomHistoriesAndPeriods_EqualTheSliceCountedFromTheLines(string engine)
    {
        var periods = from start in Gen.Choose(-5, 4) from length in Gen.Choose(1, 7) select (start, length);
        await CompareAsync(engine, 20261208, daysApart: 1, periods, baseDay => [(-420, 430), (-300, 310)]);
    }

    /// <summary>
    /// Histories spread over months (a step's day 23 days from the next), so periods hold whole months read from
    /// <c>product_months</c> with days at their edges: random periods of up to 200 days, and periods from a month's
    /// first day, to a month's last day, and both.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SlicesAsync_ByProductHistoriesOverMonthsAndPeriods_EqualTheSliceCountedFromTheLines(string engine)
    {
        var periods = from start in Gen.Choose(-90, 60) from length in Gen.Choose(1, 200) select (start, length);
        await CompareAsync(engine, 20261206, daysApart: 23, periods, baseDay =>
        {
            var day = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + baseDay);
            var first = Days(new DateOnly(day.Year, day.Month, 1).AddMonths(-2)) - baseDay;
            var endOfMonth = Days(new DateOnly(day.Year, day.Month, 1).AddMonths(2).AddDays(-1)) - baseDay;
            return [(first, endOfMonth - first + 1), (first, 17), (first + 9, endOfMonth - first - 8), (first - 400, endOfMonth - first + 401),
                (-420, 430), (first, 31 + 29)];
        });
    }

    private static async Task CompareAsync(string engine, ulong seed, int daysApart, Gen<(int Start, int Length)> periodGen, Func<int, (int Start, int Length)[]> fixedPeriods)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var reader = new SliceReader(store.Database);
        var random = new Rnd(seed);
        var sequences = OrderStep.Sequence(StepsPerSequence).Sample(Sequences, random, 10);
        var periods = periodGen.Sample(Sequences * PeriodsPerSequence, random, 10);
        for (var s = 0; s < sequences.Length; s++)
        {
            var baseDay = s % 3 == 0 ? 0 : 20_000;
            await CustomerPurchasesTests.ApplyAsync(store.Database, s, baseDay, sequences[s], lines: n => Lines(s, n), daysApart: daysApart);
            await PlaceEarlyOrderAsync(store.Database, s, baseDay);
            var lines = await LinesAsync(store.Database);
            var chosen = Enumerable.Range(0, PeriodsPerSequence).Select(p => periods[(s * PeriodsPerSequence) + p]).Concat(fixedPeriods(baseDay));
            foreach (var (start, length) in chosen)
            {
                var from = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + baseDay + start);
                var period = new OverviewPeriod(from, from.AddDays(length - 1));
                foreach (var currency in OrderStep.Currencies)
                {
                    var why = $"{engine}, sequence {s}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}, {currency}: {string.Join("; ", sequences[s])}";
                    var read = await reader.ReadAsync(new MetricsQuery(Ws, period, MetricsScope.Workspace), currency, SliceDimension.Product, null, Ct);
                    var expected = Expected(lines, period, currency);
                    Assert.True(expected.SequenceEqual(Text(read)), $"{why}; expected {string.Join(" ", expected)}, read {string.Join(" ", Text(read))}");
                }
            }
        }
    }

    private static int Days(DateOnly day) => day.DayNumber - new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>One to three lines: products from a small set (so customers buy one again), names that vary by order.</summary>
    private static IEnumerable<(string? Product, string Name, int Cents, int Quantity)> Lines(int sequence, int order) =>
        Enumerable.Range(0, 1 + ((sequence + order) % 3))
            .Select(i => (Products[((order * 7) + (i * 3) + sequence) % Products.Length], $"name {(order + i) % 3}", 100 + (((order * 37) + (i * 11)) % 5_000), 1 + ((order + i) % 3)));

    /// <summary>An order 400 days before the others, so a customer's next day with the product is further back than the cells keep.</summary>
    private static async Task PlaceEarlyOrderAsync(Database database, int sequence, int baseDay)
    {
        await using var connection = await database.OpenAsync(Ct);
        var order = $"s{sequence}-early";
        await connection.ExecuteAsync(
            """
            INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, refunded_amount, placed_at, updated_at)
            VALUES (@ws, @order, @customer, 'completed', 'JPY', @total, 0, @at, @at)
            """,
            new { ws = Ws, order, customer = (sequence * 10) + 4, total = database.Kind == StoreKind.Postgres ? 12.5m : (object)125_000L, at = (baseDay - 400) * MsPerDay });
        await connection.ExecuteAsync(
            "INSERT INTO order_lines (workspace_id, order_id, line_no, product_id, name, category, price, quantity) VALUES (@ws, @order, 0, 'p1', 'name 9', 'c', @price, 1)",
            new { ws = Ws, order, price = database.Kind == StoreKind.Postgres ? 12.5d : 125_000d });
    }

    private static async Task<List<(long Profile, string Currency, string Status, long At, string Order, string? Product, string? Name, decimal Value, double Quantity)>> LinesAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        var units = database.Kind == StoreKind.Postgres ? 1m : 10_000m;
        var rows = await connection.QueryAsync<(long Profile, string? Currency, string Status, long At, string Order, string? Product, string? Name, double Price, double Quantity)>(
            """
            SELECT o.profile_id, o.currency, o.status, o.placed_at, o.order_id, l.product_id, l.name, l.price, l.quantity
            FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id WHERE o.workspace_id = @ws
            """,
            new { ws = Ws });
        return [.. rows.Select(r => (r.Profile, r.Currency ?? "", r.Status, r.At, r.Order, r.Product, r.Name,
            Math.Round((decimal)r.Price * (decimal)r.Quantity, 4) / units, r.Quantity))];
    }

    /// <summary>The slice as docs/analytics.md defines it, counted from every line of the period's open orders (days as product_days keeps them).</summary>
    private static List<string> Expected(
        List<(long Profile, string Currency, string Status, long At, string Order, string? Product, string? Name, decimal Value, double Quantity)> lines,
        OverviewPeriod period, string? currency)
    {
        var (first, last) = (period.From.DayNumber - new DateOnly(1970, 1, 1).DayNumber, period.To.DayNumber - new DateOnly(1970, 1, 1).DayNumber);
        return [.. lines
            .Where(l => l.Status is "completed" or "partially_refunded" && l.Currency == (currency ?? "") && l.At / MsPerDay >= first && l.At / MsPerDay <= last)
            .GroupBy(l => string.IsNullOrEmpty(l.Product) ? null : l.Product)
            .Select(g => new SliceRow(g.Key, g.Max(l => l.Name), g.Sum(l => l.Value), g.Select(l => l.Order).Distinct().Count(),
                g.Select(l => l.Profile).Distinct().Count(), (decimal)g.Sum(l => l.Quantity)))
            .OrderByDescending(r => r.Revenue).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(Text)];
    }

    private static IEnumerable<string> Text(SliceResult result) => result.Rows.Select(Text);

    private static string Text(SliceRow r) => FormattableString.Invariant($"{r.Key}|{r.Name}|{r.Orders}|{r.Customers}|{Money.Round(r.Revenue)}|{r.Quantity}");
}
