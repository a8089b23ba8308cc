using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kizuna.Storage;

/// <summary>
/// Copies committed WAL pages back into the SQLite database file on a thread of its own, five times a second,
/// so that the batch writer does not stop to do it (copying and the fsyncs that go with it) at the end of a
/// commit. A passive checkpoint never blocks the writer; the writer's own automatic checkpoint (every 20,000
/// pages) stays as the backstop and finds little left to copy. Does nothing on PostgreSQL.
/// </summary>
internal sealed partial class SqliteCheckpointer(Database database, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not SqliteDatabase)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = await database.OpenAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left in the WAL is checkpointed by the next start, or by the writer's own checkpoint.
        }
    }

    /// <summary>
    /// On a clean stop (after the ingestion writer, which stops first) the WAL is emptied, so no copy of a row from
    /// before an erasure stays behind in it while the server is down.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (database is SqliteDatabase sqlite)
        {
            try
            {
                await sqlite.TruncateWalAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckpointFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the writer's own checkpoint will copy the pages")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
