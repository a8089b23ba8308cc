using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics;

/// <summary>
/// The dashboard's headline figures, read from what ingestion keeps (profiles and their last-seen index, the
/// workspace's daily roll-up, orders by time), so the overview reads a few index ranges, never events or every
/// profile's roll-ups.
/// </summary>
public sealed class OverviewService(Database database, TimeProvider time)
{
    private const int RevenueDays = 30;
    private const int SeriesDays = 14;

    public async Task<WorkspaceOverview> ForWorkspaceAsync(long workspaceId, CancellationToken ct)
    {
        var nowMs = Epoch.ToMs(time.GetUtcNow());
        var today = Epoch.Day(nowMs);
        var since = nowMs - (RevenueDays * 86_400_000L);
        await using var connection = await database.OpenAsync(ct);

        var customers = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM profiles WHERE workspace_id = @workspaceId AND merged_into IS NULL",
            new { workspaceId }, cancellationToken: ct));
        var activeToday = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM profiles
            WHERE workspace_id = @workspaceId AND last_seen >= @startOfToday AND last_seen < @startOfTomorrow AND merged_into IS NULL
            """,
            new { workspaceId, startOfToday = Epoch.DayStart(today), startOfTomorrow = Epoch.DayStart(today + 1) }, cancellationToken: ct));

        // One row per currency, most orders first: mixed currencies are never added together.
        var kind = database.Kind;
        var revenue = (await connection.QueryAsync<(string? Currency, long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(
            $"""
            SELECT currency, COUNT(*) AS orders, {Money.SumSql("total - refunded_amount", kind)}
            FROM orders
            WHERE workspace_id = @workspaceId AND placed_at >= @since AND status <> 'cancelled'
            GROUP BY currency ORDER BY COUNT(*) DESC, currency
            """,
            new { workspaceId, since }, cancellationToken: ct)))
            .Select(r => new CurrencyRevenue(r.Currency, r.Orders, Money.Sum(r.Whole, r.Fraction, kind)))
            .ToList();
        var main = revenue.FirstOrDefault() ?? new CurrencyRevenue(null, 0, 0);

        var firstDay = today - SeriesDays + 1;
        var perDay = (await connection.QueryAsync<(long Day, long Events)>(new CommandDefinition(
            """
            SELECT day, SUM(count) FROM workspace_daily_counts
            WHERE workspace_id = @workspaceId AND day >= @firstDay AND day <= @today
            GROUP BY day
            """,
            new { workspaceId, firstDay, today }, cancellationToken: ct))).ToDictionary(r => r.Day, r => r.Events);
        var series = Enumerable.Range(firstDay, SeriesDays)
            .Select(d => new DailyEvents(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + d), perDay.GetValueOrDefault(d)))
            .ToList();

        return new WorkspaceOverview(customers, series[^1].Events, activeToday, main.Revenue, main.Currency, main.Orders, series)
        {
            RevenueByCurrency = revenue,
        };
    }
}
