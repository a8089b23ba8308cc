namespace Kizuna.Work.Jobs;

/// <summary>
/// Runs the jobs of one queue. Registered with <see cref="JobsServiceCollectionExtensions.AddJobHandler{THandler}"/>
/// together with its <see cref="JobQueueSettings"/>; the <see cref="JobWorker"/> claims batches of up to the batch
/// size, keeps their leases while <see cref="HandleAsync"/> runs, and then completes or fails them in batches.
/// </summary>
public interface IJobHandler
{
    /// <summary>
    /// Runs a claimed batch. Jobs the handler reports nothing about are completed when it returns; report failures
    /// on <paramref name="outcomes"/>. If it throws, the jobs not reported fail with the exception's message. Jobs
    /// must be idempotent: a job may run again when its node died before completing it. <paramref name="ct"/> is
    /// cancelled when the node stops (the jobs go back to the queue) or when the batch's lease was lost.
    /// </summary>
    Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct);
}
