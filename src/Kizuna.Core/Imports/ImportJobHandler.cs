using Kizuna.Work.Jobs;
using Microsoft.Extensions.Logging;

namespace Kizuna.Imports;

/// <summary>
/// Runs imports from the <c>import</c> queue, one at a time per node (the writer is the bottleneck; two imports would
/// only share it), recording progress in the <c>imports</c> row about once a second. A node killed mid-import loses
/// the job's lease and another node (or the restarted one) runs the import again from the start: the rows' message
/// ids are deterministic, so what the first run stored is not stored twice. The file lives on the disk of the node
/// that received it; a node that cannot find it fails the import with a message saying so.
/// </summary>
public sealed partial class ImportJobHandler(ImportService imports, ImportJobStore store, TimeProvider time, ILogger<ImportJobHandler> logger) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new("import", BatchSize: 1, Lease: TimeSpan.FromMinutes(2), MaxAttempts: 3);

    public static string KeyOf(long importId) => $"import:{importId}";

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            await RunAsync(job, outcomes, ct);
        }
    }

    private async Task RunAsync(ClaimedJob job, JobOutcomes outcomes, CancellationToken ct)
    {
        var payload = ImportJobPayload.FromJson(job.Payload);
        var workspaceId = job.WorkspaceId ?? 0;
        if (!await store.UpdateAsync(payload.ImportId, ImportJobStatus.Running, new ImportJobState(null, null, null), ct))
        {
            Delete(payload);   // it ended in an earlier run whose node stopped before completing the job
            return;
        }

        if (!File.Exists(payload.Path))
        {
            await EndAsync(payload, ImportJobStatus.Failed, new ImportJobState(null, null,
                "The uploaded file is no longer on the server that runs the import (the server that received it stopped, or its temporary folder was emptied); upload the file again."));
            return;
        }

        var progress = new LatestProgress();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);   // also cancelled if the import ended elsewhere
        using var done = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        var reporter = ReportProgressAsync(payload.ImportId, progress, run, done.Token);
        try
        {
            var report = await imports.ImportAsync(workspaceId, payload.Path, payload.Mapping, progress, run.Token);
            await done.CancelAsync();
            await reporter;
            await EndAsync(payload, ImportJobStatus.Succeeded, new ImportJobState(progress.Latest, report, null));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await done.CancelAsync();
            await reporter;
            // The node stops or lost the lease: the job goes back to the queue and the import waits to run again.
            await store.UpdateAsync(payload.ImportId, ImportJobStatus.Queued, new ImportJobState(progress.Latest, null, null), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await done.CancelAsync();
            await reporter;
            if (ex is ImportMappingException mapping)
            {
                await EndAsync(payload, ImportJobStatus.Failed, new ImportJobState(progress.Latest, null, $"{mapping.Field}: {mapping.Message}"));
            }
            else if (ex is OperationCanceledException)
            {
                LogEndedElsewhere(logger, payload.ImportId);
            }
            else
            {
                LogFailed(logger, payload.ImportId, job.Attempt, job.MaxAttempts, ex);
                outcomes.Fail(job, $"{ex.GetType().Name}: {ex.Message}");
                var error = $"The import failed on the server ({ex.GetType().Name}); the server log has the details of job {payload.ImportId}.";
                if (job.IsLastAttempt)
                {
                    await EndAsync(payload, ImportJobStatus.Failed, new ImportJobState(progress.Latest, null, error));
                }
                else
                {
                    await store.UpdateAsync(payload.ImportId, ImportJobStatus.Queued, new ImportJobState(progress.Latest, null, error + " It is tried again."), CancellationToken.None);
                }
            }
        }
    }

    private async Task EndAsync(ImportJobPayload payload, ImportJobStatus status, ImportJobState state)
    {
        await store.UpdateAsync(payload.ImportId, status, state, CancellationToken.None);
        Delete(payload);
    }

    private static void Delete(ImportJobPayload payload)
    {
        if (payload.DeleteWhenDone)
        {
            File.Delete(payload.Path);
        }
    }

    /// <summary>Writes progress once a second; if the import meanwhile ended (by an earlier run), stops this one.</summary>
    private async Task ReportProgressAsync(long importId, LatestProgress progress, CancellationTokenSource run, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!await store.UpdateAsync(importId, ImportJobStatus.Running, new ImportJobState(progress.Latest, null, null), ct))
                {
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The import ended; its final state is written by the caller.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} ended elsewhere while it ran here; it stopped")]
    private static partial void LogEndedElsewhere(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogFailed(ILogger logger, long jobId, int attempt, int maxAttempts, Exception exception);

    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;

        public ImportProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }
}
