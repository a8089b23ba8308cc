using System.Data.Common;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="PeriodTotals"/> from the order links (migration 0039) instead of grouping the period's orders by
/// customer. Each open order knows its customer's previous and next open order in its currency, so in a period
/// [S, U) an order is its customer's <b>first</b> when the previous one is before S and the <b>last</b> when the next
/// one is at U or after: customers = first orders, one-time buyers = orders both first and last, and the time from
/// a repeat customer's first to last purchase = Σ last − Σ first (a one-time buyer's order cancels out).
/// <para>
/// The whole workspace reads <c>order_link_cells</c>, the links counted per pair of days, so a period costs at most
/// one row per pair of days whatever the orders: orders, revenue and first orders from (day, previous day) rows of
/// the period, last orders from (day, next day), and the orders neither first nor last — previous and next both in
/// the period — from (previous day, next day). First ∩ last = first + last − (orders − neither). A scope reads the
/// links of the period in time order, one index entry each, and tests the same conditions per order.
/// </para>
/// <para>
/// A value of a sliced trait (<c>slice_traits</c>: country = Japan) reads <c>trait_link_cells</c> (migration 0052),
/// the same cells kept per value, as the workspace reads its own; everyone but that value reads the workspace's cells
/// less the value's (every total is a sum over orders). Segments and other traits read the links.
/// </para>
/// </summary>
internal sealed class PeriodRollupReader(Database database)
{
    private const long MsPerDay = 86_400_000;

    private static readonly Cells Workspace = new("order_link_cells", "");

    private static readonly Cells TraitValue = new("trait_link_cells", "AND c.name = @traitName AND c.value = @traitValue");

    /// <summary>Whether a sliced trait's value reads its cells (false: its links, as a segment does).</summary>
    public bool TraitCells { get; set; } = true;

    public async Task<PeriodTotals> ReadAsync(DbConnection connection, MetricsQuery query, string? currency, CancellationToken ct)
    {
        if (query.Scope.IsWorkspace)
        {
            return await FromCellsAsync(connection, query, currency, Workspace, ct);
        }

        if (!await SlicedAsync(connection, query.Scope, ct))
        {
            return await FromLinksAsync(connection, query, currency, ct);
        }

        var value = await FromCellsAsync(connection, query, currency, TraitValue, ct);
        return query.Scope.Excluded ? (await FromCellsAsync(connection, query, currency, Workspace, ct)).Less(value) : value;
    }

    /// <summary>
    /// Whether the scope is a value of a sliced trait, whose figures <c>trait_link_cells</c> answers: every scope but a
    /// segment's or another trait's.
    /// </summary>
    public async Task<bool> SlicedAsync(DbConnection connection, MetricsScope scope, CancellationToken ct) =>
        TraitCells && scope is { TraitName: { } name, SegmentId: null }
        && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM slice_traits WHERE name = @name", new { name }, cancellationToken: ct)) > 0;

    /// <summary>Orders and net revenue per currency in the period, most orders first.</summary>
    public async Task<IReadOnlyList<CurrencyRevenue>> CurrenciesAsync(DbConnection connection, MetricsQuery query, CancellationToken ct)
    {
        if (query.Scope.IsWorkspace)
        {
            return await CellCurrenciesAsync(connection, query, Workspace, ct);
        }

        if (!await SlicedAsync(connection, query.Scope, ct))
        {
            return await LinkCurrenciesAsync(connection, query, ct);
        }

        var value = await CellCurrenciesAsync(connection, query, TraitValue, ct);
        if (!query.Scope.Excluded)
        {
            return value;
        }

        var part = value.ToDictionary(c => c.Currency ?? "", StringComparer.Ordinal);
        return [.. (await CellCurrenciesAsync(connection, query, Workspace, ct))
            .Select(c => part.TryGetValue(c.Currency ?? "", out var less) ? c with { Orders = c.Orders - less.Orders, Revenue = c.Revenue - less.Revenue } : c)
            .Where(c => c.Orders > 0)
            .OrderByDescending(c => c.Orders).ThenBy(c => c.Currency ?? "", StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<CurrencyRevenue>> CellCurrenciesAsync(DbConnection connection, MetricsQuery query, Cells cells, CancellationToken ct)
    {
        var kind = database.Kind;
        var sql =
            $"""
            SELECT c.currency, CAST(SUM(c.orders) AS bigint) AS n, {Money.SumSql("c.net", kind)}
            FROM {cells.Table} c WHERE c.workspace_id = @workspaceId {cells.Filter} AND c.kind = 0 AND c.a >= @firstDay AND c.a <= @lastDay
            GROUP BY c.currency HAVING SUM(c.orders) > 0 ORDER BY 2 DESC, 1
            """;
        var rows = await connection.QueryAsync<(string Currency, long Orders, decimal Whole, decimal Fraction)>(
            new CommandDefinition(sql, OrderSql.Parameters(query, null), cancellationToken: ct));
        return [.. rows.Select(r => new CurrencyRevenue(r.Currency.Length == 0 ? null : r.Currency, r.Orders, Money.Sum(r.Whole, r.Fraction, kind)))];
    }

    private async Task<IReadOnlyList<CurrencyRevenue>> LinkCurrenciesAsync(DbConnection connection, MetricsQuery query, CancellationToken ct)
    {
        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, null);
        var sql =
            $"""
            SELECT l.currency, COUNT(*) AS n, {Money.SumSql("l.net", kind)}
            FROM order_links l WHERE l.workspace_id = @workspaceId AND l.placed_at >= @since AND l.placed_at < @until
              AND {ScopeSql.Condition(query.Scope, database.Dialect, "l.profile_id")}
            GROUP BY l.currency ORDER BY 2 DESC, 1
            """;
        var rows = await connection.QueryAsync<(string Currency, long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new CurrencyRevenue(r.Currency.Length == 0 ? null : r.Currency, r.Orders, Money.Sum(r.Whole, r.Fraction, kind)))];
    }

    /// <summary>
    /// The whole workspace's currencies and totals for the period and the period before, each period read on a
    /// connection of its own beside the other (the cells of a long period are the read's cost, and SQLite reads one
    /// statement on one thread): first both periods' cells of kind 0 in every currency, which list the currencies and
    /// give the one picked when none is asked (most orders in the period, else in the period before), then the
    /// picked currency's cells of the last orders and of those neither first nor last.
    /// </summary>
    public async Task<(IReadOnlyList<CurrencyRevenue> Currencies, string? Currency, PeriodTotals Current, PeriodTotals Previous)> WorkspaceComparedAsync(
        MetricsQuery query, string? currency, CancellationToken ct)
    {
        await using var current = await database.OpenAsync(ct);
        await using var previous = await database.OpenAsync(ct);
        var days = await Task.WhenAll(
            Task.Run(() => CellDaysAsync(current, query, null, Workspace, ct), ct),
            Task.Run(() => CellDaysAsync(previous, query.Previous, null, Workspace, ct), ct));
        var listed = Currencies(days[0]);
        var picked = currency ?? (listed.Count > 0 ? listed[0].Currency : Currencies(days[1]) is [var top, ..] ? top.Currency : null);
        var totals = await Task.WhenAll(
            Task.Run(() => FromCellsAsync(current, query, picked, Workspace, days[0], ct), ct),
            Task.Run(() => FromCellsAsync(previous, query.Previous, picked, Workspace, days[1], ct), ct));
        return (listed, picked, totals[0], totals[1]);
    }

    private static List<CurrencyRevenue> Currencies(IEnumerable<CellDay> days) =>
        [.. days.GroupBy(d => d.Currency, StringComparer.Ordinal)
            .Select(g => new CurrencyRevenue(g.Key.Length == 0 ? null : g.Key, g.Sum(d => d.Orders), g.Sum(d => d.Revenue)))
            .Where(c => c.Orders > 0)
            .OrderByDescending(c => c.Orders).ThenBy(c => c.Currency ?? "", StringComparer.Ordinal)];

    /// <summary>
    /// The cells of kind 0 of the period per day, in <paramref name="currency"/> or (null) every currency: orders and
    /// net, and of them the first orders (previous one before the period) with their net, days and offsets.
    /// </summary>
    private async Task<List<CellDay>> CellDaysAsync(DbConnection connection, MetricsQuery query, string? currency, Cells cells, CancellationToken ct)
    {
        var kind = database.Kind;
        var rows = await connection.QueryAsync<(string Currency, long Day, long Orders, decimal Whole, decimal Fraction, long First, decimal FirstWhole, decimal FirstFraction, long FirstDays, long FirstOffset)>(
            new CommandDefinition(
                $"""
                SELECT c.currency, c.a, CAST(SUM(c.orders) AS bigint), {Money.SumSql("c.net", kind)},
                       CAST(COALESCE(SUM(CASE WHEN c.b < @firstDay THEN c.orders ELSE 0 END), 0) AS bigint),
                       {Money.SumSql("CASE WHEN c.b < @firstDay THEN c.net ELSE 0 END", kind)},
                       CAST(COALESCE(SUM(CASE WHEN c.b < @firstDay THEN c.orders * c.a ELSE 0 END), 0) AS bigint),
                       CAST(COALESCE(SUM(CASE WHEN c.b < @firstDay THEN c.offset_ms ELSE 0 END), 0) AS bigint)
                FROM {cells.Table} c
                WHERE c.workspace_id = @workspaceId {cells.Filter} AND c.kind = 0 AND c.a >= @firstDay AND c.a <= @lastDay
                  {(currency is null ? "" : "AND c.currency = @currency")}
                GROUP BY c.a, c.currency
                """,
                OrderSql.Parameters(query, currency), cancellationToken: ct));
        return [.. rows.Select(r => new CellDay(r.Currency, r.Day, r.Orders, Money.Sum(r.Whole, r.Fraction, kind),
            r.First, Money.Sum(r.FirstWhole, r.FirstFraction, kind), r.FirstDays, r.FirstOffset))];
    }

    private async Task<PeriodTotals> FromCellsAsync(DbConnection connection, MetricsQuery query, string? currency, Cells cells, CancellationToken ct) =>
        await FromCellsAsync(connection, query, currency, cells, await CellDaysAsync(connection, query, currency, cells, ct), ct);

    /// <summary>The totals in <paramref name="currency"/> from the period's cells of kind 0 (<paramref name="read"/>, any currencies) and its other cells.</summary>
    private async Task<PeriodTotals> FromCellsAsync(DbConnection connection, MetricsQuery query, string? currency, Cells cells, IReadOnlyList<CellDay> read, CancellationToken ct)
    {
        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, currency);
        var days = read.Where(d => d.Currency == (currency ?? "")).ToList();
        var last = await connection.QuerySingleAsync<(long Orders, decimal Whole, decimal Fraction, long Days, long Offset)>(new CommandDefinition(
            $"""
            SELECT CAST(COALESCE(SUM(c.orders), 0) AS bigint), {Money.SumSql("c.net", kind)},
                   CAST(COALESCE(SUM(c.orders * c.a), 0) AS bigint), CAST(COALESCE(SUM(c.offset_ms), 0) AS bigint)
            FROM {cells.Table} c
            WHERE c.workspace_id = @workspaceId {cells.Filter} AND c.kind = 1 AND c.a >= @firstDay AND c.a <= @lastDay AND c.currency = @currency AND c.b > @lastDay
            """,
            parameters, cancellationToken: ct));
        var neither = await connection.QuerySingleAsync<(long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(
            $"""
            SELECT CAST(COALESCE(SUM(c.orders), 0) AS bigint), {Money.SumSql("c.net", kind)}
            FROM {cells.Table} c
            WHERE c.workspace_id = @workspaceId {cells.Filter} AND c.kind = 2 AND c.a >= @firstDay AND c.a <= @lastDay AND c.currency = @currency AND c.b <= @lastDay
            """,
            parameters, cancellationToken: ct));

        var orders = days.Sum(d => d.Orders);
        var revenue = days.Sum(d => d.Revenue);
        var first = days.Sum(d => d.First);
        var firstRevenue = days.Sum(d => d.FirstRevenue);
        var neitherRevenue = Money.Sum(neither.Whole, neither.Fraction, kind);
        var oneTime = first + last.Orders - (orders - neither.Orders);
        var oneTimeRevenue = firstRevenue + Money.Sum(last.Whole, last.Fraction, kind) - (revenue - neitherRevenue);
        var spanMs = ((last.Days - days.Sum(d => d.FirstDays)) * MsPerDay) + last.Offset - days.Sum(d => d.FirstOffset);
        return new PeriodTotals(orders, revenue, first, first - oneTime, oneTimeRevenue, spanMs,
            [.. days.Where(d => d.Orders != 0).OrderBy(d => d.Day).Select(d => (Days.Of(d.Day), d.Orders, d.Revenue))]);
    }

    /// <summary>
    /// A scope's totals for the period and the period before it from one pass over its links (one index range per
    /// member of the scope instead of one per period), per currency: every currency, or only
    /// <paramref name="currency"/>'s when <paramref name="allCurrencies"/> is false. Each link is first and last by
    /// the bounds of the period it falls in.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (PeriodTotals Current, PeriodTotals Previous)>> ScopeWithPreviousAsync(
        DbConnection connection, MetricsQuery query, bool allCurrencies, string? currency, CancellationToken ct)
    {
        var firstDay = Days.Number(query.Period.From);
        var rows = await LinksAsync(connection, query, allCurrencies, currency, withPrevious: true, ct);
        return rows.GroupBy(r => r.Currency, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Totals([.. g.Where(r => r.Day >= firstDay)]), Totals([.. g.Where(r => r.Day < firstDay)])),
            StringComparer.Ordinal);
    }

    private async Task<PeriodTotals> FromLinksAsync(DbConnection connection, MetricsQuery query, string? currency, CancellationToken ct) =>
        Totals(await LinksAsync(connection, query, allCurrencies: false, currency, withPrevious: false, ct));

    /// <summary>
    /// The scope's links of the period (and of the period before, which ends where it starts), per currency and UTC
    /// day: orders, net, first orders (previous one before the start of the link's period), orders both first and
    /// last (next one at its end or after) and their net, and the offsets from the period's start of last and of
    /// first orders.
    /// </summary>
    private async Task<List<LinkDay>> LinksAsync(DbConnection connection, MetricsQuery query, bool allCurrencies, string? currency, bool withPrevious, CancellationToken ct)
    {
        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, currency);
        parameters["prevSince"] = withPrevious ? Epoch.DayStart(Days.Number(query.Period.Before().From)) : parameters["since"];
        const string Start = "CASE WHEN l.placed_at >= @since THEN @since ELSE @prevSince END";
        const string First = $"(l.prev_at IS NULL OR l.prev_at < {Start})";
        const string Last = "(l.next_at IS NULL OR l.next_at >= CASE WHEN l.placed_at >= @since THEN @until ELSE @since END)";
        var sql =
            $"""
            SELECT l.currency, (l.placed_at - CASE WHEN l.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day, COUNT(*), {Money.SumSql("l.net", kind)},
                   CAST(SUM(CASE WHEN {First} THEN 1 ELSE 0 END) AS bigint),
                   CAST(SUM(CASE WHEN {First} AND {Last} THEN 1 ELSE 0 END) AS bigint),
                   {Money.SumSql($"CASE WHEN {First} AND {Last} THEN l.net ELSE 0 END", kind)},
                   CAST(SUM(CASE WHEN {Last} THEN l.placed_at - {Start} ELSE 0 END) AS bigint),
                   CAST(SUM(CASE WHEN {First} THEN l.placed_at - {Start} ELSE 0 END) AS bigint)
            FROM order_links l
            WHERE l.workspace_id = @workspaceId AND l.placed_at >= @prevSince AND l.placed_at < @until
              {(allCurrencies ? "" : "AND l.currency = @currency")} AND {ScopeSql.Condition(query.Scope, database.Dialect, "l.profile_id")}
            GROUP BY 1, 2
            """;
        var rows = await connection.QueryAsync<(string Currency, long Day, long Orders, decimal Whole, decimal Fraction, long First, long OneTime, decimal OneWhole, decimal OneFraction, long LastMs, long FirstMs)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new LinkDay(r.Currency, r.Day, r.Orders, Money.Sum(r.Whole, r.Fraction, kind), r.First, r.OneTime,
            Money.Sum(r.OneWhole, r.OneFraction, kind), r.LastMs, r.FirstMs))];
    }

    private static PeriodTotals Totals(List<LinkDay> days)
    {
        var first = days.Sum(d => d.First);
        var oneTime = days.Sum(d => d.OneTime);
        return new PeriodTotals(
            days.Sum(d => d.Orders),
            days.Sum(d => d.Revenue),
            first,
            first - oneTime,
            days.Sum(d => d.OneTimeRevenue),
            days.Sum(d => d.LastMs) - days.Sum(d => d.FirstMs),
            [.. days.OrderBy(d => d.Day).Select(d => (Days.Of(d.Day), d.Orders, d.Revenue))]);
    }

    /// <summary>A table of link cells and the condition that picks a scope's rows of it.</summary>
    private sealed record Cells(string Table, string Filter);

    /// <summary>A day's cells of kind 0 in one currency.</summary>
    private sealed record CellDay(string Currency, long Day, long Orders, decimal Revenue, long First, decimal FirstRevenue, long FirstDays, long FirstOffset);

    private sealed record LinkDay(string Currency, long Day, long Orders, decimal Revenue, long First, long OneTime, decimal OneTimeRevenue, long LastMs, long FirstMs);
}
