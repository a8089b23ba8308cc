using System.Globalization;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads purchases sliced by a trait, an age band, a product or a category, grouped in SQL over the open orders of
/// the period: the workspace by a kept trait or age from <c>trait_cells</c> (<see cref="TraitCellsReader"/>), by
/// product from <c>product_cells</c>; a scope's products from their roll-up (<c>product_days</c>, a row per currency,
/// product, day and customer), categories from the lines.
/// </summary>
public sealed class SliceReader(Database database)
{
    public const int MaxRows = 200;

    private readonly TraitCellsReader _cells = new(database);

    public async Task<SliceResult> ReadAsync(MetricsQuery query, string? currency, SliceDimension dimension, string? trait, CancellationToken ct)
    {
        var rows = await _cells.ReadAsync(query, currency, dimension, trait, ct)
            ?? await ProductCellsAsync(query, currency, dimension, ct)
            ?? await FromOrdersAsync(query, currency, dimension, trait, ct);
        if (dimension == SliceDimension.AgeBand)
        {
            rows = [.. rows
                .GroupBy(r => AgeBands.Of(long.TryParse(r.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? age : null))
                .Select(g => new SliceRow(g.Key, null, g.Sum(r => r.Revenue), g.Sum(r => r.Orders), g.Sum(r => r.Customers), 0))];
        }

        return new SliceResult(dimension, trait, currency,
            [.. rows.OrderByDescending(r => r.Revenue).ThenBy(r => r.Key, StringComparer.Ordinal).Take(MaxRows)]);
    }

    /// <summary>
    /// Revenue by product over the whole workspace from <c>product_cells</c> (migration 0050), or null for a scope or
    /// a period longer than the cells answer. Per product and day the cells hold the day's rows of <c>product_days</c>
    /// added up, and those rows counted by the days since the customer's previous day with the product: the rows of
    /// the period whose previous day is in it too are every row but each customer's first, so customers = rows −
    /// those. For each day a of the period that is one range of the day's cells (gap 0 to a − first day).
    /// </summary>
    private async Task<IReadOnlyList<SliceRow>?> ProductCellsAsync(MetricsQuery query, string? currency, SliceDimension dimension, CancellationToken ct)
    {
        if (dimension != SliceDimension.Product || !query.Scope.IsWorkspace || query.Period.Days > TraitCellsReader.MaxDays)
        {
            return null;
        }

        var kind = database.Kind;
        var days = kind == StoreKind.Postgres
            ? "generate_series(CAST(@firstDay AS bigint), CAST(@lastDay AS bigint)) AS d(day) CROSS JOIN LATERAL (SELECT * FROM product_cells c WHERE c.workspace_id = @workspaceId AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay) c"
            : "d CROSS JOIN product_cells c";
        var sql =
            $"""
            {(kind == StoreKind.Postgres ? "" : "WITH RECURSIVE d(day) AS (SELECT @firstDay UNION ALL SELECT day + 1 FROM d WHERE day < @lastDay)")}
            SELECT NULLIF(c.product_id, '') AS slice, MAX(c.name) AS name,
                   {Money.SumSql("CASE WHEN c.g < 0 THEN c.revenue ELSE 0 END", kind)},
                   CAST(COALESCE(SUM(CASE WHEN c.g < 0 THEN c.orders ELSE 0 END), 0) AS bigint),
                   CAST(COALESCE(SUM(CASE WHEN c.g < 0 THEN c.customers ELSE -c.customers END), 0) AS bigint),
                   CAST(COALESCE(SUM(c.quantity), 0) AS double precision)
            FROM {days}
            {(kind == StoreKind.Postgres ? "" : "WHERE c.workspace_id = @workspaceId AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay")}
            GROUP BY c.product_id
            HAVING SUM(CASE WHEN c.g < 0 THEN c.customers ELSE 0 END) > 0
            """;
        await using var connection = await database.OpenAsync(ct);
        return [.. (await connection.QueryAsync<(string? Slice, string? Name, decimal Whole, decimal Fraction, long Orders, long Customers, double Quantity)>(
                new CommandDefinition(sql, OrderSql.Parameters(query, currency), cancellationToken: ct)))
            .Select(r => new SliceRow(r.Slice, r.Name, Money.Sum(r.Whole, r.Fraction, kind), r.Orders, r.Customers, (decimal)r.Quantity))];
    }

    private async Task<IReadOnlyList<SliceRow>> FromOrdersAsync(MetricsQuery query, string? currency, SliceDimension dimension, string? trait, CancellationToken ct)
    {
        var kind = database.Kind;
        var dialect = database.Dialect;
        var parameters = OrderSql.Parameters(query, currency);
        parameters["sliceTrait"] = trait;
        parameters["endYear"] = query.Period.To.Year;
        parameters["endMonthDay"] = query.Period.To.ToString("MM-dd", CultureInfo.InvariantCulture);
        var lineAmount = kind == StoreKind.Postgres ? "ROUND(l.price * CAST(l.quantity AS numeric), 4)" : "CAST(ROUND(l.price * l.quantity) AS INTEGER)";
        var sql = dimension switch
        {
            SliceDimension.Product =>
                $"""
                SELECT NULLIF(p.product_id, '') AS slice, MAX(p.name) AS name,
                       {Money.SumSql("p.revenue", kind)}, SUM(p.orders), COUNT(DISTINCT p.profile_id), SUM(p.quantity)
                FROM product_days p
                WHERE p.workspace_id = @workspaceId AND p.currency = @currency AND {DayColumn(query.Period, kind)} >= @firstDay AND {DayColumn(query.Period, kind)} <= @lastDay
                  AND {ScopeSql.Condition(query.Scope, dialect, "p.profile_id")}
                GROUP BY p.product_id
                """,
            SliceDimension.Category =>
                $"""
                SELECT l.category AS slice, MAX(l.name) AS name,
                       {Money.SumSql(lineAmount, kind)}, COUNT(DISTINCT o.order_id), COUNT(DISTINCT o.profile_id), SUM(l.quantity)
                FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
                WHERE {OrderSql.Where(query.Scope, dialect)}
                GROUP BY l.category
                """,
            _ =>
                $"""
                SELECT {(dimension == SliceDimension.Trait ? dialect.JsonText("p.traits", "@sliceTrait") : $"CAST(({AgeBands.AgeSql(kind)}) AS text)")} AS slice,
                       NULL AS name, {Money.SumSql(OrderSql.Net, kind)}, COUNT(*), COUNT(DISTINCT o.profile_id), CAST(0 AS double precision)
                FROM orders o JOIN profiles p ON p.workspace_id = o.workspace_id AND p.id = o.profile_id
                WHERE {OrderSql.Where(query.Scope, dialect)}
                GROUP BY 1
                """,
        };
        await using var connection = await database.OpenAsync(ct);
        return [.. (await connection.QueryAsync<(string? Slice, string? Name, decimal Whole, decimal Fraction, long Orders, long Customers, double Quantity)>(
                new CommandDefinition(sql, parameters, cancellationToken: ct)))
            .Select(r => new SliceRow(r.Slice, r.Name, Money.Sum(r.Whole, r.Fraction, kind), r.Orders, r.Customers, (decimal)r.Quantity))];
    }

    /// <summary>
    /// How SQLite reads the product roll-up: a long period in product order (grouping without a sort; the unary plus
    /// keeps the day index out), a short one through the day index (sorting its rows by product beats reading every
    /// day of every product).
    /// </summary>
    private static string DayColumn(OverviewPeriod period, StoreKind kind) =>
        kind == StoreKind.Sqlite && period.Days > 92 ? "+p.day" : "p.day";
}
