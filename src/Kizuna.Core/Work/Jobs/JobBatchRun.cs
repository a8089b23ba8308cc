using Microsoft.Extensions.Logging;

namespace Kizuna.Work.Jobs;

/// <summary>
/// One claimed batch through its handler: the leases are extended every third of the lease while it runs (so a
/// ten-minute import keeps its job), the run is cancelled if the lease was lost, and the outcome is written in
/// batches. A node stopping gives the unfinished jobs back instead of failing them.
/// </summary>
internal sealed partial class JobBatchRun(JobQueue queue, JobQueueSettings settings, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(IJobHandler handler, IReadOnlyList<ClaimedJob> jobs, CancellationToken stopping)
    {
        var outcomes = new JobOutcomes();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var handled = new CancellationTokenSource();
        var keeper = KeepLeasesAsync(jobs, run, handled.Token);
        Exception? thrown = null;
        try
        {
            await handler.HandleAsync(jobs, outcomes, run.Token);
        }
        catch (Exception ex)
        {
            thrown = ex;
        }
        finally
        {
            await handled.CancelAsync();
            await keeper;
        }

        if (thrown is OperationCanceledException && run.IsCancellationRequested)
        {
            // Interrupted: the node stops, or the lease of some of the jobs was lost (expired, or the jobs were
            // cancelled). What is still held goes back to the queue for any node, this run not counted.
            if (!stopping.IsCancellationRequested)
            {
                LogLeaseLost(logger, settings.Queue, jobs.Count);
            }

            await queue.FailAsync(outcomes.Failures, CancellationToken.None);
            await queue.ReleaseAsync([.. jobs.Where(j => !outcomes.Reported(j))], CancellationToken.None);
            return;
        }

        if (thrown is not null)
        {
            LogHandlerFailed(logger, settings.Queue, thrown);
            foreach (var job in jobs.Where(j => !outcomes.Reported(j)))
            {
                outcomes.Fail(job, $"{thrown.GetType().Name}: {thrown.Message}");
            }
        }

        await queue.FailAsync(outcomes.Failures, CancellationToken.None);
        await queue.CompleteAsync([.. jobs.Where(j => !outcomes.Reported(j))], CancellationToken.None);
    }

    private async Task KeepLeasesAsync(IReadOnlyList<ClaimedJob> jobs, CancellationTokenSource run, CancellationToken handled)
    {
        using var timer = new PeriodicTimer(settings.Lease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(handled))
            {
                try
                {
                    var held = await queue.ExtendAsync(jobs, settings.Lease, handled);
                    if (held.Count < jobs.Count)
                    {
                        await run.CancelAsync();   // another node has (some of) the jobs now; this run's results would be refused
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogExtendFailed(logger, settings.Queue, ex);   // tried again at the next tick, well before the lease ends
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} jobs of queue {Queue} lost (part of) its lease while it ran and stopped")]
    private static partial void LogLeaseLost(ILogger logger, string queue, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler of queue {Queue} failed; the batch's jobs are retried")]
    private static partial void LogHandlerFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extending the leases of queue {Queue} failed")]
    private static partial void LogExtendFailed(ILogger logger, string queue, Exception exception);
}
