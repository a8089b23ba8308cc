using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kizuna.Imports;

/// <summary>
/// Runs uploaded imports in the background, one at a time (the writer is the bottleneck; two imports would
/// only share it), and records progress in the job row about once a second so <c>GET /api/imports/{id}</c> can show it.
/// Every 15 seconds it touches the jobs it holds and fails those no node has touched for two minutes: a job whose
/// node was killed ends as failed instead of staying queued or running. Jobs still queued at shutdown fail at once.
/// </summary>
public sealed partial class ImportJobRunner(ImportService imports, ImportJobStore jobs, TimeProvider time, ILogger<ImportJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private readonly Channel<QueuedImport> _queue = Channel.CreateUnbounded<QueuedImport>();
    private readonly ConcurrentDictionary<long, QueuedImport> _held = [];

    /// <summary>Records a queued job and hands it to the runner; the file at <paramref name="path"/> must stay until it ran.</summary>
    public async Task<ImportJob> EnqueueAsync(long workspaceId, string fileName, string path, ImportMapping mapping, bool deleteWhenDone, CancellationToken ct)
    {
        var job = await jobs.CreateAsync(workspaceId, mapping.Kind, fileName, ct);
        var queued = new QueuedImport(job, path, mapping, deleteWhenDone);
        _held[job.Id] = queued;
        if (!_queue.Writer.TryWrite(queued))   // unbounded: refused only once the runner has stopped
        {
            await FailUnrunAsync(queued, CancellationToken.None);
        }

        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keepAlive = KeepAliveAsync(stoppingToken);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && _queue.Reader.TryRead(out var queued))
                {
                    try
                    {
                        await RunAsync(queued, stoppingToken);
                    }
                    finally
                    {
                        Release(queued);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync fails the jobs still waiting.
        }
        finally
        {
            await keepAlive;
        }
    }

    /// <summary>
    /// Fails the jobs that never ran. This lives here rather than at the end of <see cref="ExecuteAsync"/>: a host
    /// stopped before the loop was scheduled never runs it at all.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var waiting))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Release(waiting);   // out of time: the upload goes; the job row is failed as abandoned by a later heartbeat
                continue;
            }

            try
            {
                await FailUnrunAsync(waiting, cancellationToken);
            }
            catch (Exception ex)
            {
                // The rest still get their turn; a job left queued is failed as abandoned by the next node's heartbeat.
                LogFailUnrunFailed(logger, waiting.Job.Id, ex);
            }
        }
    }

    private async Task FailUnrunAsync(QueuedImport queued, CancellationToken ct)
    {
        try
        {
            await jobs.UpdateAsync(queued.Job.Id, ImportJobStatus.Failed,
                new ImportJobState(null, null, "The server stopped before the import ran; upload the file again."), ct);
        }
        finally
        {
            Release(queued);
        }
    }

    private void Release(QueuedImport queued)
    {
        _held.TryRemove(queued.Job.Id, out _);
        if (queued.DeleteWhenDone)
        {
            File.Delete(queued.Path);
        }
    }

    private async Task KeepAliveAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, time);
        try
        {
            do
            {
                try
                {
                    await jobs.TouchAsync([.. _held.Keys], ct);
                    if (await jobs.FailAbandonedAsync(AbandonedAfter, ct) is > 0 and var failed)
                    {
                        LogAbandoned(logger, failed);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogKeepAliveFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} import jobs were abandoned by a stopped node and are marked failed")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} could not be marked failed at shutdown; it will be failed as abandoned")]
    private static partial void LogFailUnrunFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job heartbeat failed; it is retried in 15 seconds")]
    private static partial void LogKeepAliveFailed(ILogger logger, Exception exception);

    private async Task RunAsync(QueuedImport queued, CancellationToken stopping)
    {
        var progress = new LatestProgress();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);   // also cancelled if the job is taken away
        using var done = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var reporter = ReportProgressAsync(queued.Job.Id, progress, run, done.Token);
        try
        {
            var report = await imports.ImportAsync(queued.Job.WorkspaceId, queued.Path, queued.Mapping, progress, run.Token);
            await done.CancelAsync();
            await reporter;
            await jobs.UpdateAsync(queued.Job.Id, ImportJobStatus.Succeeded, new ImportJobState(progress.Latest, report, null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            await done.CancelAsync();
            await reporter;
            var error = ex switch
            {
                ImportMappingException mapping => $"{mapping.Field}: {mapping.Message}",
                OperationCanceledException => "The server stopped before the import finished.",
                _ => $"The import failed on the server ({ex.GetType().Name}); the server log has the details of job {queued.Job.Id}.",
            };
            if (!await jobs.UpdateAsync(queued.Job.Id, ImportJobStatus.Failed, new ImportJobState(progress.Latest, null, error), CancellationToken.None))
            {
                LogTakenAway(logger, queued.Job.Id);
            }
            else if (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Import job {JobId} failed", queued.Job.Id);
            }
        }
    }

    /// <summary>Writes progress once a second; if the job was meanwhile failed as abandoned, stops the run.</summary>
    private async Task ReportProgressAsync(long jobId, LatestProgress progress, CancellationTokenSource run, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            do
            {
                if (!await jobs.UpdateAsync(jobId, ImportJobStatus.Running, new ImportJobState(progress.Latest, null, null), ct))
                {
                    await run.CancelAsync();
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // The import ended; its final state is written by the caller.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} was marked failed as abandoned while it ran here; it stopped")]
    private static partial void LogTakenAway(ILogger logger, long jobId);

    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;

        public ImportProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }
}
