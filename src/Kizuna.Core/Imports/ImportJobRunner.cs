using Kizuna.Work.Jobs;

namespace Kizuna.Imports;

/// <summary>
/// Starts uploaded imports in the background: each is a row in <c>imports</c> (what the API and the dashboard show)
/// and a job on the <c>import</c> queue, run by <see cref="ImportJobHandler"/> on whichever node claims it.
/// </summary>
public sealed class ImportJobRunner(ImportJobStore jobs, JobQueue queue)
{
    /// <summary>Records a queued job and enqueues it; the file at <paramref name="path"/> must stay until it ran.</summary>
    public async Task<ImportJob> EnqueueAsync(long workspaceId, string fileName, string path, ImportMapping mapping, bool deleteWhenDone, CancellationToken ct)
    {
        var job = await jobs.CreateAsync(workspaceId, mapping.Kind, fileName, ct);
        var payload = new ImportJobPayload(job.Id, path, deleteWhenDone, mapping);
        try
        {
            await queue.EnqueueAsync(new NewJob(ImportJobHandler.Settings.Queue, payload.ToJson(), Key: ImportJobHandler.KeyOf(job.Id), WorkspaceId: workspaceId), ct);
        }
        catch
        {
            await jobs.UpdateAsync(job.Id, ImportJobStatus.Failed, new ImportJobState(null, null, "The import could not be queued; upload the file again."), CancellationToken.None);
            throw;
        }

        return job;
    }
}
