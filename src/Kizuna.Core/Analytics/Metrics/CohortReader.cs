using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CohortRetention"/> in one grouped query: each customer's first open order (ever, in the scope)
/// gives the cohort, and distinct customers are counted per cohort and order month up to the period's end.
/// Every currency counts: an order is a return whatever it was paid in.
/// </summary>
public sealed class CohortReader(Database database)
{
    public async Task<CohortRetention> ReadAsync(MetricsQuery query, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var month = (string column) => dialect.Kind == StoreKind.Postgres
            ? $"to_char(to_timestamp({column} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')"
            : $"strftime('%Y-%m', {column} / 1000, 'unixepoch')";
        var scope = ScopeSql.Condition(query.Scope, dialect, "o.profile_id");
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Cohort, string Month, long Customers)>(new CommandDefinition(
            $"""
            SELECT f.cohort, {month("o.placed_at")} AS month, COUNT(DISTINCT o.profile_id)
            FROM orders o
            JOIN (SELECT o.profile_id, {month("MIN(o.placed_at)")} AS cohort FROM orders o
                  WHERE o.workspace_id = @workspaceId AND {OrderSql.Counted} AND {scope}
                  GROUP BY o.profile_id HAVING MIN(o.placed_at) >= @since AND MIN(o.placed_at) < @until) f
              ON f.profile_id = o.profile_id
            WHERE o.workspace_id = @workspaceId AND {OrderSql.Counted} AND o.placed_at < @until
            GROUP BY f.cohort, {month("o.placed_at")}
            """,
            OrderSql.Parameters(query, null), cancellationToken: ct));

        var end = Days.MonthOf(query.Period.To);
        var cohorts = new List<CohortRow>();
        foreach (var cohort in rows.GroupBy(r => Month(r.Cohort)).OrderBy(g => g.Key))
        {
            var active = new long[Days.MonthsBetween(cohort.Key, end) + 1];
            foreach (var row in cohort)
            {
                active[Days.MonthsBetween(cohort.Key, Month(row.Month))] = row.Customers;
            }

            cohorts.Add(new CohortRow(cohort.Key, active[0], active));
        }

        return new CohortRetention(cohorts);
    }

    private static DateOnly Month(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
