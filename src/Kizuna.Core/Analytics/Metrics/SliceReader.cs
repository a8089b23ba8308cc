using System.Globalization;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads purchases sliced by a trait, an age band, a product or a category, grouped in SQL over the open orders of
/// the period: the workspace by a kept trait or age from <c>trait_cells</c> (<see cref="TraitCellsReader"/>),
/// products from their roll-up (<c>product_days</c>, a row per currency, product, day and customer), categories from
/// the lines.
/// </summary>
public sealed class SliceReader(Database database)
{
    public const int MaxRows = 200;

    private readonly TraitCellsReader _cells = new(database);

    public async Task<SliceResult> ReadAsync(MetricsQuery query, string? currency, SliceDimension dimension, string? trait, CancellationToken ct)
    {
        var rows = await _cells.ReadAsync(query, currency, dimension, trait, ct) ?? await FromOrdersAsync(query, currency, dimension, trait, ct);
        if (dimension == SliceDimension.AgeBand)
        {
            rows = [.. rows
                .GroupBy(r => AgeBands.Of(long.TryParse(r.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? age : null))
                .Select(g => new SliceRow(g.Key, null, g.Sum(r => r.Revenue), g.Sum(r => r.Orders), g.Sum(r => r.Customers), 0))];
        }

        return new SliceResult(dimension, trait, currency,
            [.. rows.OrderByDescending(r => r.Revenue).ThenBy(r => r.Key, StringComparer.Ordinal).Take(MaxRows)]);
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
