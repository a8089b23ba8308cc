using System.Globalization;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads purchases sliced by a trait, an age band, a product or a category, grouped in SQL over the open orders of
/// the period: the workspace by a kept trait or age from <c>trait_cells</c> (<see cref="TraitCellsReader"/>), by
/// product from <c>product_months</c> and <c>product_cells</c>; a scope's products from their roll-up
/// (<c>product_days</c>, a row per currency, product, day and customer), categories from the lines.
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
    /// Revenue by product over the whole workspace from roll-ups, or null for a scope: the period's whole months from
    /// <c>product_months</c> (migration 0051), the days at its edges (or every day of a period without a whole month)
    /// from <c>product_cells</c> (0050). Both hold their rows of <c>product_days</c> added up and counted by the
    /// customer's previous day with the product; a customer is counted on their first row of the period, so
    /// customers = the rows of each day (customers of each month) − those whose previous day is in the period too:
    /// for a day a the gaps 0 to a − first day, for a month m those with h 1 to m − first day.
    /// </summary>
    private async Task<IReadOnlyList<SliceRow>?> ProductCellsAsync(MetricsQuery query, string? currency, SliceDimension dimension, CancellationToken ct)
    {
        if (dimension != SliceDimension.Product || !query.Scope.IsWorkspace)
        {
            return null;
        }

        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, currency);
        var (from, to) = (query.Period.From, query.Period.To);
        var firstMonth = from.Day == 1 ? from : Days.MonthOf(from).AddMonths(1);
        var lastMonth = to.AddDays(1).Day == 1 ? Days.MonthOf(to) : Days.MonthOf(to).AddMonths(-1);
        var months = firstMonth <= lastMonth;
        parameters["leadLast"] = months ? Days.Number(firstMonth) - 1 : Days.Number(to);
        parameters["trailFirst"] = months ? Days.Number(lastMonth.AddMonths(1)) : Days.Number(to) + 1;
        parameters["firstMonth"] = Days.Number(firstMonth);
        parameters["lastMonth"] = months ? Days.Number(lastMonth) : Days.Number(firstMonth) - 1;

        // Each part grouped by product on its own, then the parts added up: the edge days, the months' totals and
        // the months' customers whose previous day is in the period. SQLite reads a period of many months in product
        // order from the indexes product_months_totals and product_months_gaps (grouping without sorting their rows),
        // a few months by month.
        var byProduct = kind == StoreKind.Sqlite && Days.MonthsBetween(firstMonth, lastMonth) >= 5;
        var dayCells = kind == StoreKind.Postgres
            ? """
              generate_series(CAST(@firstDay AS bigint), CAST(@lastDay AS bigint)) AS d(day)
              CROSS JOIN LATERAL (SELECT * FROM product_cells c WHERE c.workspace_id = @workspaceId AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay) c
              WHERE d.day <= @leadLast OR d.day >= @trailFirst
              """
            : """
              d CROSS JOIN product_cells c
              WHERE (d.day <= @leadLast OR d.day >= @trailFirst)
                AND c.workspace_id = @workspaceId AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay
              """;
        var sql =
            $"""
            {(kind == StoreKind.Postgres ? "" : "WITH RECURSIVE d(day) AS (SELECT @firstDay UNION ALL SELECT day + 1 FROM d WHERE day < @lastDay)")}
            SELECT NULLIF(product_id, '') AS slice, MAX(name) AS name, SUM(whole), SUM(fraction),
                   CAST(SUM(orders) AS bigint), CAST(SUM(customers) AS bigint), CAST(SUM(quantity) AS double precision)
            FROM (SELECT c.product_id, {Sums("c.g")}
                  FROM {dayCells}
                  GROUP BY c.product_id
                  UNION ALL
                  SELECT c.product_id, {Sums("c.h")}
                  FROM product_months c {(byProduct ? "INDEXED BY product_months_totals" : "")}
                  WHERE c.workspace_id = @workspaceId AND c.currency = @currency AND c.h = -1
                    AND {(byProduct ? "+" : "")}c.m >= @firstMonth AND {(byProduct ? "+" : "")}c.m <= @lastMonth
                  GROUP BY c.product_id
                  UNION ALL
                  SELECT c.product_id, NULL, 0, 0, 0, -SUM(c.customers), 0, 0
                  FROM product_months c {(byProduct ? "INDEXED BY product_months_gaps" : "")}
                  WHERE c.workspace_id = @workspaceId AND c.currency = @currency AND c.h >= 1
                    AND {(byProduct ? "+" : "")}c.m >= @firstMonth AND {(byProduct ? "+" : "")}c.m <= @lastMonth AND c.h <= c.m - @firstDay
                  GROUP BY c.product_id) p
            GROUP BY product_id
            HAVING SUM(buyers) > 0
            """;
        await using var connection = await database.OpenAsync(ct);
        return [.. (await connection.QueryAsync<(string? Slice, string? Name, decimal Whole, decimal Fraction, long Orders, long Customers, double Quantity)>(
                new CommandDefinition(sql, parameters, cancellationToken: ct)))
            .Select(r => new SliceRow(r.Slice, r.Name, Money.Sum(r.Whole, r.Fraction, kind), r.Orders, r.Customers, (decimal)r.Quantity))];
    }

    /// <summary>
    /// A part's sums per product over cells whose <paramref name="gap"/> is -1 for the totals and the previous day's
    /// distance otherwise (customers whose previous day is in the period are taken off), money in two columns as
    /// <see cref="Money.SumSql"/> keeps it.
    /// </summary>
    private string Sums(string gap)
    {
        var revenue = $"CASE WHEN {gap} < 0 THEN c.revenue ELSE 0 END";
        var money = database.Kind == StoreKind.Postgres
            ? $"SUM({revenue}) AS whole, 0 AS fraction"
            : $"SUM(({revenue}) / {Money.SqliteUnits}) AS whole, SUM(({revenue}) % {Money.SqliteUnits}) AS fraction";
        return $"""
            MAX(c.name) AS name, {money}, SUM(CASE WHEN {gap} < 0 THEN c.orders ELSE 0 END) AS orders,
            SUM(CASE WHEN {gap} < 0 THEN c.customers ELSE -c.customers END) AS customers, SUM(c.quantity) AS quantity,
            SUM(CASE WHEN {gap} < 0 THEN c.customers ELSE 0 END) AS buyers
            """;
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
