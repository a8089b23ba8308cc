using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CommerceMetrics"/> from the period roll-ups (<see cref="PeriodRollupReader"/>): the whole
/// workspace from the links counted per pair of days, a sliced trait's value from those cells kept per value, any
/// other scope from the period's links; never the orders grouped by customer.
/// </summary>
public sealed class CommerceMetricsReader(Database database)
{
    private readonly PeriodRollupReader _rollups = new(database);

    /// <summary>Whether a sliced trait's value reads its cells (false: its links, as a segment does).</summary>
    internal bool TraitCells
    {
        get => _rollups.TraitCells;
        init => _rollups.TraitCells = value;
    }

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
    /// The whole workspace's metrics for the period and the period before, the two periods read side by side: the
    /// period's currencies, and the metrics in <paramref name="currency"/> (null: the one with most orders in the
    /// period, else in the period before; '' : orders that stated none).
    /// </summary>
    public async Task<Compared<CommerceMetrics>> ReadWorkspaceComparedAsync(MetricsQuery query, string? currency, CancellationToken ct)
    {
        var (currencies, picked, current, previous) = await _rollups.WorkspaceComparedAsync(query, currency, ct);
        var before = query.Period.Before();
        return new(query.Period, Metrics(query.Period, picked, current) with { Currencies = currencies }, before, Metrics(before, picked, previous));
    }

    /// <summary>
    /// A scope's metrics for the period and the period before, read from the cells of a sliced trait's value, else in
    /// one pass over the scope's links of both: the period's currencies, and the metrics in
    /// <paramref name="currency"/> (null: the one with most orders in the period, else in the period before; '' or
    /// none: orders that stated none).
    /// </summary>
    public async Task<Compared<CommerceMetrics>> ReadScopeComparedAsync(MetricsQuery query, string? currency, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var before = query.Period.Before();
        if (await _rollups.SlicedAsync(connection, query.Scope, ct))
        {
            var listed = await _rollups.CurrenciesAsync(connection, query, ct);
            var picked = currency
                ?? (listed.Count > 0 ? listed[0].Currency : await _rollups.CurrenciesAsync(connection, query.Previous, ct) is [var top, ..] ? top.Currency : null);
            return new(query.Period, Metrics(query.Period, picked, await _rollups.ReadAsync(connection, query, picked, ct)) with { Currencies = listed },
                before, Metrics(before, picked, await _rollups.ReadAsync(connection, query.Previous, picked, ct)));
        }

        var totals = await _rollups.ScopeWithPreviousAsync(connection, query, allCurrencies: true, null, ct);
        var currencies = Currencies(totals.Select(t => (t.Key, t.Value.Current)));
        var chosen = currency
            ?? (currencies.Count > 0 ? currencies[0].Currency : Currencies(totals.Select(t => (t.Key, t.Value.Previous))).FirstOrDefault()?.Currency);
        var (current, previous) = totals.TryGetValue(chosen ?? "", out var found) ? found : (PeriodTotals.None, PeriodTotals.None);
        return new(query.Period, Metrics(query.Period, chosen, current) with { Currencies = currencies }, before, Metrics(before, chosen, previous));
    }

    /// <summary>
    /// The metrics of the scope's customers and of everyone else, for the period and the period before: the members
    /// from the cells of a sliced trait's value, else their links of both periods read in one pass. Everyone else is
    /// the whole workspace less the scope (every total is a sum over orders), so the rest is read from the workspace's
    /// cells instead of every other customer's links. In <paramref name="currency"/> (null: the workspace's with most
    /// orders in the period, else in the period before).
    /// </summary>
    public async Task<((CommerceMetrics Members, CommerceMetrics Others) Current, (CommerceMetrics Members, CommerceMetrics Others) Previous)> ReadSplitComparedAsync(
        MetricsQuery query, string? currency, CancellationToken ct)
    {
        var (_, picked, everyone, everyoneBefore) = await _rollups.WorkspaceComparedAsync(query with { Scope = MetricsScope.Workspace }, currency, ct);
        await using var connection = await database.OpenAsync(ct);
        var (current, previous) = await _rollups.SlicedAsync(connection, query.Scope, ct)
            ? (await _rollups.ReadAsync(connection, query, picked, ct), await _rollups.ReadAsync(connection, query.Previous, picked, ct))
            : (await _rollups.ScopeWithPreviousAsync(connection, query, allCurrencies: false, picked, ct)).TryGetValue(picked ?? "", out var found)
                ? found
                : (PeriodTotals.None, PeriodTotals.None);
        var before = query.Period.Before();
        return ((Metrics(query.Period, picked, current), Metrics(query.Period, picked, everyone.Less(current))),
            (Metrics(before, picked, previous), Metrics(before, picked, everyoneBefore.Less(previous))));
    }

    /// <summary>Orders and revenue per currency, most orders first, as <see cref="CurrenciesAsync"/> lists them.</summary>
    private static List<CurrencyRevenue> Currencies(IEnumerable<(string Currency, PeriodTotals Totals)> totals) =>
        [.. totals.Where(t => t.Totals.Orders > 0)
            .OrderByDescending(t => t.Totals.Orders).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .Select(t => new CurrencyRevenue(t.Currency.Length == 0 ? null : t.Currency, t.Totals.Orders, t.Totals.Revenue))];

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
