using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CommerceMetrics"/> from the period roll-ups (<see cref="PeriodRollupReader"/>): the whole
/// workspace from the links counted per pair of days, a scope from the period's links; never the orders grouped by
/// customer.
/// </summary>
public sealed class CommerceMetricsReader(Database database)
{
    private readonly PeriodRollupReader _rollups = new(database);

    private const double MsPerDay = 86_400_000d;

    /// <summary>Orders and net revenue per currency in the query's period and scope, most orders first ('' none stated → null).</summary>
    public async Task<IReadOnlyList<CurrencyRevenue>> CurrenciesAsync(MetricsQuery query, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await _rollups.CurrenciesAsync(connection, query, ct);
    }

    /// <summary>The metrics in <paramref name="currency"/> (null: orders that stated none).</summary>
    public async Task<CommerceMetrics> ReadAsync(MetricsQuery query, string? currency, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return Metrics(query.Period, currency, await _rollups.ReadAsync(connection, query, currency, ct));
    }

    /// <summary>
    /// The metrics of the scope's customers and of everyone else: everyone else is the whole workspace less the scope
    /// (every total is a sum over orders), so the rest is read from the workspace's cells instead of every other
    /// customer's links.
    /// </summary>
    public async Task<(CommerceMetrics Members, CommerceMetrics Others)> ReadSplitAsync(MetricsQuery query, string? currency, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var members = await _rollups.ReadAsync(connection, query, currency, ct);
        var everyone = await _rollups.ReadAsync(connection, query with { Scope = MetricsScope.Workspace }, currency, ct);
        return (Metrics(query.Period, currency, members), Metrics(query.Period, currency, everyone.Less(members)));
    }

    private static CommerceMetrics Metrics(OverviewPeriod period, string? currency, PeriodTotals totals)
    {
        var revenue = totals.Revenue;
        var repeatSpend = revenue - totals.OneTimeRevenue;
        var oneTimers = totals.Customers - totals.Repeaters;
        var gaps = totals.Orders - totals.Customers;
        var repeatAverage = Average(repeatSpend, totals.Repeaters);
        var oneTimeAverage = Average(totals.OneTimeRevenue, oneTimers);
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
            gaps == 0 ? null : totals.SpanMs / MsPerDay / gaps,
            repeatAverage,
            oneTimeAverage,
            totals.Repeaters == 0 || oneTimers == 0 || oneTimeAverage == 0 ? null : (double)(repeatAverage / oneTimeAverage))
        {
            Trend = Trend(period, totals.PerDay),
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
