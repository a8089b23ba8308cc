using Dapper;
using Kizuna.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Makes sure every workspace with orders has its next daily refresh on the queue: at start and every hour (a
/// workspace that took its first orders since gets its own). The job's key is its occurrence, so every node doing
/// the same adds nothing twice. A workspace without orders has nothing to score and gets no job.
/// </summary>
public sealed partial class ScoreRefreshScheduler(
    Database database, ScoreRefreshQueue queue, IOptions<ScoresOptions> options, TimeProvider time, ILogger<ScoreRefreshScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scheduled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                foreach (var workspaceId in await WithOrdersAsync(stoppingToken))
                {
                    await queue.ScheduleNextAsync(workspaceId, time.GetUtcNow(), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);   // the database may be down for a while; the next hour tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IEnumerable<long>> WithOrdersAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT w.id FROM workspaces w WHERE EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = w.id)", cancellationToken: ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily scores refreshes could not be scheduled")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
