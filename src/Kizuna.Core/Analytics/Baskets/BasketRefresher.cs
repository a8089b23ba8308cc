using Dapper;
using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// The basket stage of the scores refresh: the lines of the longest standard period read once, every standard view
/// (<see cref="BasketViews"/>) mined from them, and all stored in one replacement. The periods end where the
/// dashboard's do at that time (today, or an imported history's last day), so the page's default and preset views
/// find their rules until the day moves on.
/// </summary>
public sealed class BasketRefresher(Database database)
{
    private readonly BasketResultStore _store = new(database);

    /// <summary>Computes and stores the standard views as of <paramref name="now"/>; answers how many were stored.</summary>
    public async Task<int> RefreshAsync(long workspaceId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var periods = BasketViews.Periods(OverviewPeriod.DefaultEnd(today, await LatestActivityAsync(workspaceId, today, ct)));
        var read = new OverviewPeriod(periods.Min(p => p.From), periods.Max(p => p.To));
        var baskets = await BasketSet.ReadAsync(database, new MetricsQuery(workspaceId, read, MetricsScope.Workspace), ct);
        var results = periods.SelectMany(p => baskets.Analyse(p, BasketViews.Settings)).ToList();
        await _store.ReplaceAsync(workspaceId, now, results, ct);
        return results.Count;
    }

    /// <summary>The last day, not after today, with an event in the workspace: as the overview finds it.</summary>
    private async Task<DateOnly?> LatestActivityAsync(long workspaceId, DateOnly today, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var day = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(day) FROM workspace_daily_counts WHERE workspace_id = @workspaceId AND day <= @today",
            new { workspaceId, today = (long)Days.Number(today) }, cancellationToken: ct));
        return day is { } d ? Days.Of(d) : null;
    }
}
