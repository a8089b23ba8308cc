using System.Data.Common;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads the workspace's purchases sliced by a kept trait (<c>slice_traits</c>) from <c>trait_cells</c> (migration
/// 0044) instead of the period's orders. Per value and day the cells hold the orders and their net, and the orders
/// counted by how many days before them the customer's previous order was: the orders of the period whose previous
/// order is in it too are every order but each customer's first, so customers = orders − those. For each day a of
/// the period that is one range of the day's cells (gap 0 to a − first day), so a period reads at most
/// (days² / 2 + days) rows per value. The cells keep gaps of up to 366 days: in a longer period the orders whose
/// previous order is in it but further back are read from the links of its days after the 367th.
/// </summary>
internal sealed class TraitCellsReader(Database database)
{
    /// <summary>The longest gap the cells keep, in days.</summary>
    private const int MaxGap = 366;

    /// <summary>
    /// The rows of a slice by <paramref name="trait"/> (age bands: by the <c>age</c> trait), key = the value (null:
    /// no value), or null when the cells cannot answer: a scope, a trait not kept, or age bands in
    /// a workspace where some profile has a birthday (the age then depends on the period's end).
    /// </summary>
    public async Task<IReadOnlyList<SliceRow>?> ReadAsync(MetricsQuery query, string? currency, SliceDimension dimension, string? trait, CancellationToken ct)
    {
        if (!query.Scope.IsWorkspace || dimension is not (SliceDimension.Trait or SliceDimension.AgeBand))
        {
            return null;
        }

        var name = dimension == SliceDimension.AgeBand ? "age" : trait;
        if (name is null)
        {
            return null;
        }

        var kind = database.Kind;
        var parameters = OrderSql.Parameters(query, currency);
        parameters["name"] = name;
        await using var connection = await database.OpenAsync(ct);
        var usable = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM slice_traits WHERE name = @name)
                         AND ({(dimension == SliceDimension.AgeBand ? "NOT EXISTS (SELECT 1 FROM profile_traits WHERE workspace_id = @workspaceId AND name = 'birthday')" : "1 = 1")})
                   THEN 1 ELSE 0 END
            """,
            parameters, cancellationToken: ct));
        if (usable == 0)
        {
            return null;
        }

        // SQLite: the days drive the join (CROSS JOIN keeps them outside), one range of cells per day.
        var days = kind == StoreKind.Postgres
            ? "generate_series(CAST(@firstDay AS bigint), CAST(@lastDay AS bigint)) AS d(day) CROSS JOIN LATERAL (SELECT * FROM trait_cells c WHERE c.workspace_id = @workspaceId AND c.name = @name AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay) c"
            : "d CROSS JOIN trait_cells c";
        var sql =
            $"""
            {(kind == StoreKind.Postgres ? "" : "WITH RECURSIVE d(day) AS (SELECT @firstDay UNION ALL SELECT day + 1 FROM d WHERE day < @lastDay)")}
            SELECT c.known, c.value,
                   CAST(COALESCE(SUM(CASE WHEN c.g < 0 THEN c.orders ELSE 0 END), 0) AS bigint),
                   CAST(COALESCE(SUM(CASE WHEN c.g >= 0 THEN c.orders ELSE 0 END), 0) AS bigint),
                   {Money.SumSql("CASE WHEN c.g < 0 THEN c.net ELSE 0 END", kind)}
            FROM {days}
            {(kind == StoreKind.Postgres ? "" : "WHERE c.workspace_id = @workspaceId AND c.name = @name AND c.currency = @currency AND c.a = d.day AND c.g >= -1 AND c.g <= d.day - @firstDay")}
            GROUP BY c.known, c.value
            """;
        var rows = await connection.QueryAsync<(long Known, string Value, long Orders, long Later, decimal Whole, decimal Fraction)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct));
        var farther = await FartherAsync(connection, query, parameters, ct);
        return [.. rows.Where(r => r.Orders > 0)
            .Select(r => new SliceRow(Key(r.Known == 1 ? r.Value : null, dimension), null, Money.Sum(r.Whole, r.Fraction, kind), r.Orders,
                r.Orders - r.Later - farther.GetValueOrDefault((r.Known, r.Value)), 0))];
    }

    /// <summary>
    /// Per value, the orders of the period whose customer's previous order is in the period too but more than
    /// <see cref="MaxGap"/> days before them, which no cell counts: only in a period longer than 367 days, read from
    /// the links placed after its 367th day (the customer's value as the cells take it, from <c>profile_traits</c>).
    /// </summary>
    private async Task<Dictionary<(long Known, string Value), long>> FartherAsync(
        DbConnection connection, MetricsQuery query, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        if (query.Period.Days <= MaxGap + 1)
        {
            return [];
        }

        parameters["tailSince"] = Epoch.DayStart(Days.Number(query.Period.From) + MaxGap + 1);
        var rows = await connection.QueryAsync<(long Known, string Value, long Orders)>(new CommandDefinition(
            $"""
            SELECT CAST(CASE WHEN t.value IS NULL THEN 0 ELSE 1 END AS bigint), COALESCE(t.value, ''), CAST(COUNT(*) AS bigint)
            FROM order_links l
            LEFT JOIN profile_traits t ON t.workspace_id = l.workspace_id AND t.profile_id = l.profile_id AND t.name = @name
            WHERE l.workspace_id = @workspaceId AND l.placed_at >= @tailSince AND l.placed_at < @until AND l.currency = @currency
              AND l.prev_at >= @since
              AND (l.placed_at - CASE WHEN l.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000
                - (l.prev_at - CASE WHEN l.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 > {MaxGap}
            GROUP BY 1, 2
            """,
            parameters, cancellationToken: ct));
        return rows.ToDictionary(r => (r.Known, r.Value), r => r.Orders);
    }

    /// <summary>
    /// An age value as the orders' reader reads it (<see cref="AgeBands.AgeSql"/>): one to three digits; anything
    /// else has no band.
    /// </summary>
    private static string? Key(string? value, SliceDimension dimension) =>
        dimension != SliceDimension.AgeBand || value is { Length: >= 1 and <= 3 } && value.All(char.IsAsciiDigit) ? value : null;
}
