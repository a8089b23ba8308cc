using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kizuna.Imports;

/// <summary>
/// Runs uploaded imports in the background, one at a time (the writer is the bottleneck; two imports would
/// only share it), and records progress in the job row about once a second so <c>GET /api/imports/{id}</c> can show it.
/// </summary>
public sealed class ImportJobRunner(ImportService imports, ImportJobStore jobs, TimeProvider time, ILogger<ImportJobRunner> logger) : BackgroundService
{
    private readonly Channel<QueuedImport> _queue = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records a queued job and hands it to the runner; the file at <paramref name="path"/> must stay until it ran.</summary>
    public async Task<ImportJob> EnqueueAsync(long workspaceId, string fileName, string path, ImportMapping mapping, bool deleteWhenDone, CancellationToken ct)
    {
        var job = await jobs.CreateAsync(workspaceId, mapping.Kind, fileName, ct);
        await _queue.Writer.WriteAsync(new QueuedImport(job, path, mapping, deleteWhenDone), ct);
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(queued, stoppingToken);
            }
            finally
            {
                if (queued.DeleteWhenDone)
                {
                    File.Delete(queued.Path);
                }
            }
        }
    }

    private async Task RunAsync(QueuedImport queued, CancellationToken ct)
    {
        var progress = new LatestProgress();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reporter = ReportProgressAsync(queued.Job.Id, progress, done.Token);
        try
        {
            var report = await imports.ImportAsync(queued.Job.WorkspaceId, queued.Path, queued.Mapping, progress, ct);
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
            logger.LogError(ex, "Import job {JobId} failed", queued.Job.Id);
            await jobs.UpdateAsync(queued.Job.Id, ImportJobStatus.Failed, new ImportJobState(progress.Latest, null, error), CancellationToken.None);
        }
    }

    private async Task ReportProgressAsync(long jobId, LatestProgress progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            await jobs.UpdateAsync(jobId, ImportJobStatus.Running, new ImportJobState(progress.Latest, null, null), ct);
            while (await timer.WaitForNextTickAsync(ct))
            {
                await jobs.UpdateAsync(jobId, ImportJobStatus.Running, new ImportJobState(progress.Latest, null, null), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The import ended; its final state is written by the caller.
        }
    }

    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;

        public ImportProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }
}
