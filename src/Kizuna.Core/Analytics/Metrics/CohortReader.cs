using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CohortRetention"/> from one pass over the scope's open orders up to the period's end, in the
/// order of the customer index (customer, then time): a customer's first row gives the cohort, and each change of
/// month after it one more active customer for that cohort and month. Every currency counts: an order is a return
/// whatever it was paid in. Grouping in SQL instead took a sort of every order per customer and another per cohort
/// and month (seconds on a million orders); the pass reads each order once and keeps one counter per cell.
/// </summary>
public sealed class CohortReader(Database database)
{
    public async Task<CohortRetention> ReadAsync(MetricsQuery query, CancellationToken ct)
    {
        var parameters = OrderSql.Parameters(query, null);
        var since = (long)parameters["since"]!;
        var cells = new Dictionary<(int Cohort, int Month), long>();
        await using (var connection = await database.OpenAsync(ct))
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT o.profile_id, o.placed_at FROM orders o
            WHERE o.workspace_id = @workspaceId AND {OrderSql.Counted} AND o.placed_at < @until
              AND {ScopeSql.Condition(query.Scope, database.Dialect, "o.profile_id")}
            ORDER BY o.profile_id, o.placed_at
            """,
            parameters, cancellationToken: ct)))
        {
            long? customer = null;
            var (cohort, month, day, dayMonth) = (-1, -1, long.MinValue, -1);
            while (await reader.ReadAsync(ct))
            {
                var (id, at) = (reader.GetInt64(0), reader.GetInt64(1));
                var placed = Epoch.Day(at);
                if (placed != day)
                {
                    (day, dayMonth) = (placed, MonthNumber(Days.Of(placed)));
                }

                if (id != customer)
                {
                    customer = id;
                    cohort = at >= since ? dayMonth : -1;
                    month = -1;
                }

                if (cohort >= 0 && dayMonth != month)
                {
                    month = dayMonth;
                    cells[(cohort, month)] = cells.GetValueOrDefault((cohort, month)) + 1;
                }
            }
        }

        var end = MonthNumber(query.Period.To);
        var cohorts = new List<CohortRow>();
        foreach (var group in cells.GroupBy(c => c.Key.Cohort).OrderBy(g => g.Key))
        {
            var active = new long[end - group.Key + 1];
            foreach (var cell in group)
            {
                active[cell.Key.Month - group.Key] = cell.Value;
            }

            cohorts.Add(new CohortRow(new DateOnly(group.Key / 12, (group.Key % 12) + 1, 1), active[0], active));
        }

        return new CohortRetention(cohorts);
    }

    private static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
