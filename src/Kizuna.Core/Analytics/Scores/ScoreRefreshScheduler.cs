using Kizuna.Workspaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Makes sure every workspace has its next daily refresh on the queue: at start and every hour (a workspace created
/// since gets its own). The job's key is its occurrence, so every node doing the same adds nothing twice.
/// </summary>
public sealed partial class ScoreRefreshScheduler(
    WorkspaceService workspaces, ScoreRefreshQueue queue, IOptions<ScoresOptions> options, TimeProvider time, ILogger<ScoreRefreshScheduler> logger) : BackgroundService
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
                foreach (var workspace in await workspaces.ListAsync(stoppingToken))
                {
                    await queue.ScheduleNextAsync(workspace.Id, time.GetUtcNow(), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);   // the database may be down for a while; the next hour tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily scores refreshes could not be scheduled")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
