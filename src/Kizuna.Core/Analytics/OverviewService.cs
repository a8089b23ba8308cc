using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Analytics;

/// <summary>
/// The dashboard's headline figures over a period, read from what ingestion keeps (profiles, the workspace's daily
/// roll-up, orders by time), so the overview reads a few index ranges, never events or every profile's roll-ups.
/// </summary>
public sealed class OverviewService(Database database, TimeProvider time)
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Today as a UTC day, by the service's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The period an overview opens on: the last 30 days, ending today or, when the workspace had no events in
    /// those days, on the last day it had any.
    /// </summary>
    public async Task<OverviewPeriod> DefaultPeriodAsync(long workspaceId, CancellationToken ct) =>
        OverviewPeriod.Ending(OverviewPreset.Last30Days, OverviewPeriod.DefaultEnd(Today, await LatestActivityAsync(workspaceId, ct)));

    /// <summary>The last day (not after today) with an event in the workspace, or null before the first.</summary>
    public async Task<DateOnly?> LatestActivityAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Not after today: one device with its clock in the future must not hide this month's activity.
        var day = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(day) FROM workspace_daily_counts WHERE workspace_id = @workspaceId AND day <= @today",
            new { workspaceId, today = DayNumber(Today) }, cancellationToken: ct));
        return day is { } d ? DayOf(d) : null;
    }

    public async Task<WorkspaceOverview> ForPeriodAsync(long workspaceId, OverviewPeriod period, CancellationToken ct)
    {
        var firstDay = DayNumber(period.From);
        var lastDay = DayNumber(period.To);
        var parameters = new { workspaceId, firstDay, lastDay, since = Epoch.DayStart(firstDay), until = Epoch.DayStart(lastDay + 1) };
        await using var connection = await database.OpenAsync(ct);

        var customers = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM profiles WHERE workspace_id = @workspaceId AND merged_into IS NULL",
            parameters, cancellationToken: ct));
        var newCustomers = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM profiles
            WHERE workspace_id = @workspaceId AND first_seen >= @since AND first_seen < @until AND merged_into IS NULL
            """,
            parameters, cancellationToken: ct));

        // One row per currency, most orders first: mixed currencies are never added together.
        var kind = database.Kind;
        var revenue = (await connection.QueryAsync<(string? Currency, long Orders, decimal Whole, decimal Fraction)>(new CommandDefinition(
            $"""
            SELECT currency, COUNT(*) AS orders, {Money.SumSql("total - refunded_amount", kind)}
            FROM orders
            WHERE workspace_id = @workspaceId AND placed_at >= @since AND placed_at < @until AND status <> 'cancelled'
            GROUP BY currency ORDER BY COUNT(*) DESC, currency
            """,
            parameters, cancellationToken: ct)))
            .Select(r => new CurrencyRevenue(r.Currency, r.Orders, Money.Sum(r.Whole, r.Fraction, kind)))
            .ToList();
        var main = revenue.FirstOrDefault() ?? new CurrencyRevenue(null, 0, 0);

        var perDay = (await connection.QueryAsync<(long Day, long Events)>(new CommandDefinition(
            """
            SELECT day, SUM(count) FROM workspace_daily_counts
            WHERE workspace_id = @workspaceId AND day >= @firstDay AND day <= @lastDay
            GROUP BY day
            """,
            parameters, cancellationToken: ct))).ToDictionary(r => r.Day, r => r.Events);
        var series = Enumerable.Range(firstDay, period.Days)
            .Select(d => new DailyEvents(DayOf(d), perDay.GetValueOrDefault(d)))
            .ToList();

        return new WorkspaceOverview(
            period, customers, newCustomers, series.Sum(d => d.Events), main.Revenue, main.Currency, main.Orders, series)
        {
            RevenueByCurrency = revenue,
        };
    }

    private static int DayNumber(DateOnly day) => day.DayNumber - EpochDayNumber;

    private static DateOnly DayOf(long day) => DateOnly.FromDayNumber(EpochDayNumber + (int)day);
}
