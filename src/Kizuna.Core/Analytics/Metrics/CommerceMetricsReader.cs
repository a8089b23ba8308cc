using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CommerceMetrics"/> with three aggregate queries over <c>orders</c> (by its workspace and time
/// index): orders per currency, one row of per-customer sums, and revenue per day. Nothing is read order by order.
/// </summary>
public sealed class CommerceMetricsReader(Database database)
{
    private const double MsPerDay = 86_400_000d;

    /// <summary>Orders and net revenue per currency in the query's period and scope, most orders first ('' none stated → null).</summary>
    public async Task<IReadOnlyList<CurrencyRevenue>> CurrenciesAsync(MetricsQuery query, CancellationToken ct)
    {
        var kind = database.Kind;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Currency, long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(
            $"""
            SELECT COALESCE(o.currency, '') AS currency, COUNT(*), {Money.SumSql(OrderSql.Net, kind)}
            FROM orders o WHERE {OrderSql.Where(query.Scope, database.Dialect, byCurrency: false)}
            GROUP BY COALESCE(o.currency, '') ORDER BY COUNT(*) DESC, 1
            """,
            OrderSql.Parameters(query, null), cancellationToken: ct));
        return [.. rows.Select(r => new CurrencyRevenue(r.Currency.Length == 0 ? null : r.Currency, r.Orders, Money.Sum(r.Whole, r.Fraction, kind)))];
    }

    /// <summary>The metrics in <paramref name="currency"/> (null: orders that stated none).</summary>
    public async Task<CommerceMetrics> ReadAsync(MetricsQuery query, string? currency, CancellationToken ct)
    {
        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, currency);
        await using var connection = await database.OpenAsync(ct);
        var totals = await connection.QuerySingleAsync<(long Customers, long Orders, long Repeaters, long SpanMs, long Gaps, decimal Whole, decimal Fraction, decimal RepeatWhole, decimal RepeatFraction)>(new CommandDefinition(
            $"""
            SELECT COUNT(*), CAST(COALESCE(SUM(n), 0) AS bigint), CAST(COALESCE(SUM(CASE WHEN n > 1 THEN 1 ELSE 0 END), 0) AS bigint),
                   CAST(COALESCE(SUM(CASE WHEN n > 1 THEN last_at - first_at ELSE 0 END), 0) AS bigint), CAST(COALESCE(SUM(n - 1), 0) AS bigint),
                   {Money.SumSql("spend", kind)}, {Money.SumSql("CASE WHEN n > 1 THEN spend ELSE 0 END", kind)}
            FROM (SELECT o.profile_id, COUNT(*) AS n, SUM({OrderSql.Net}) AS spend, MIN(o.placed_at) AS first_at, MAX(o.placed_at) AS last_at
                  FROM orders o WHERE {OrderSql.Where(query.Scope, database.Dialect)} GROUP BY o.profile_id) c
            """,
            parameters, cancellationToken: ct));
        var perDay = (await connection.QueryAsync<(long Day, long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(
            $"""
            SELECT o.placed_at / 86400000 AS day, COUNT(*), {Money.SumSql(OrderSql.Net, kind)}
            FROM orders o WHERE {OrderSql.Where(query.Scope, database.Dialect)} GROUP BY o.placed_at / 86400000
            """,
            parameters, cancellationToken: ct))).ToList();

        var revenue = Money.Sum(totals.Whole, totals.Fraction, kind);
        var repeatSpend = Money.Sum(totals.RepeatWhole, totals.RepeatFraction, kind);
        var oneTimers = totals.Customers - totals.Repeaters;
        var repeatAverage = Average(repeatSpend, totals.Repeaters);
        var oneTimeAverage = Average(revenue - repeatSpend, oneTimers);
        return new CommerceMetrics(
            currency,
            revenue,
            totals.Orders,
            totals.Customers,
            Average(revenue, totals.Orders),
            Ratio(totals.Orders, totals.Customers),
            Ratio(totals.Repeaters, totals.Customers),
            Average(revenue, totals.Customers),
            totals.Repeaters,
            totals.Gaps == 0 ? null : totals.SpanMs / MsPerDay / totals.Gaps,
            repeatAverage,
            oneTimeAverage,
            totals.Repeaters == 0 || oneTimers == 0 || oneTimeAverage == 0 ? null : (double)(repeatAverage / oneTimeAverage))
        {
            Trend = Trend(query.Period, perDay.Select(d => (Days.Of(d.Day), d.Orders, Money.Sum(d.Whole, d.Fraction, kind)))),
        };
    }

    private static List<RevenuePoint> Trend(OverviewPeriod period, IEnumerable<(DateOnly Day, long Orders, decimal Revenue)> days)
    {
        var buckets = TrendBuckets.All(period).ToDictionary(b => b, b => (Orders: 0L, Revenue: 0m));
        foreach (var (day, orders, revenue) in days)
        {
            var start = TrendBuckets.StartOf(period, day);
            var bucket = buckets[start];
            buckets[start] = (bucket.Orders + orders, bucket.Revenue + revenue);
        }

        return [.. buckets.Select(b => new RevenuePoint(b.Key, b.Value.Revenue, b.Value.Orders))];
    }

    private static decimal Average(decimal sum, long count) => count == 0 ? 0 : Money.Round(sum / count);

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
