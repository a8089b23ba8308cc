using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Reads <see cref="CohortRetention"/> from the cohort roll-ups (migration 0049), which the orders' triggers keep:
/// <c>cohort_months</c> holds, per customer and month with an open order (any currency: an order is a return
/// whatever it was paid in), the first day of one in it; <c>cohort_cells</c> counts the customers per (first order's
/// day, that day). A cohort of the period is the customers whose first open order is in it, and its cell for a month
/// those of them with an open order in that month up to the period's end: the whole workspace sums the cells whose
/// first day lies in the period and whose day is not after its end (at most one row per pair of days, whatever the
/// orders); a scope reads its customers' months.
/// </summary>
public sealed class CohortReader(Database database)
{
    public async Task<CohortRetention> ReadAsync(MetricsQuery query, CancellationToken ct)
    {
        var parameters = OrderSql.Parameters(query, null);
        var cells = new Dictionary<(int Cohort, int Month), long>();
        var months = new Dictionary<long, int>();
        int MonthOfDay(long day)
        {
            if (!months.TryGetValue(day, out var month))
            {
                month = MonthNumber(Days.Of(day));
                months[day] = month;
            }

            return month;
        }

        await using (var connection = await database.OpenAsync(ct))
        {
            if (query.Scope.IsWorkspace)
            {
                var rows = await connection.QueryAsync<(long FirstDay, long Day, long Customers)>(new CommandDefinition(
                    """
                    SELECT c.first_day, c.day, c.customers FROM cohort_cells c
                    WHERE c.workspace_id = @workspaceId AND c.first_day >= @firstDay AND c.first_day <= @lastDay AND c.day <= @lastDay
                      AND c.customers <> 0
                    """,
                    parameters, cancellationToken: ct));
                foreach (var (firstDay, day, customers) in rows)
                {
                    var key = (MonthOfDay(firstDay), MonthOfDay(day));
                    cells[key] = cells.GetValueOrDefault(key) + customers;
                }
            }
            else
            {
                await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                    $"""
                    SELECT m.profile_id, m.day FROM cohort_months m
                    WHERE m.workspace_id = @workspaceId AND {ScopeSql.Condition(query.Scope, database.Dialect, "m.profile_id")}
                    ORDER BY m.profile_id, m.month
                    """,
                    parameters, cancellationToken: ct));
                long? customer = null;
                var cohort = -1;
                var (firstDay, lastDay) = (Days.Number(query.Period.From), Days.Number(query.Period.To));
                while (await reader.ReadAsync(ct))
                {
                    var (id, day) = (reader.GetInt64(0), reader.GetInt64(1));
                    if (id != customer)
                    {
                        customer = id;
                        cohort = day >= firstDay && day <= lastDay ? MonthOfDay(day) : -1;
                    }

                    if (cohort >= 0 && day <= lastDay)
                    {
                        var key = (cohort, MonthOfDay(day));
                        cells[key] = cells.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var end = MonthNumber(query.Period.To);
        var cohorts = new List<CohortRow>();
        foreach (var group in cells.Where(c => c.Value != 0).GroupBy(c => c.Key.Cohort).OrderBy(g => g.Key))
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
