using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Jobs;

/// <summary>
/// Runs the registered handlers on this node: one loop per queue claims a batch, hands it to the handler while the
/// leases are extended, then completes and fails the jobs in batches. A loop sleeps until a job enqueued here is due
/// or the poll interval passed (for other nodes' jobs, scheduled jobs and expired leases). A maintenance loop buries
/// jobs whose lease expired on their last attempt and prunes finished jobs past their retention.
/// </summary>
public sealed partial class JobWorker(
    IServiceProvider services, JobQueue queue, JobSignal signal, IEnumerable<JobQueueSettings> registered, IOptions<JobOptions> options,
    TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queues = registered.Select(options.Value.Apply).ToList();
        if (queues.GroupBy(q => q.Queue, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two job handlers are registered for the queue '{twice.Key}'.");
        }

        var loops = queues.Select(q => RunQueueAsync(q, services.GetRequiredKeyedService<IJobHandler>(q.Queue), stoppingToken)).ToList();
        loops.Add(MaintainAsync(queues, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task RunQueueAsync(JobQueueSettings settings, IJobHandler handler, CancellationToken stopping)
    {
        await Task.Yield();
        var batch = new JobBatchRun(queue, settings, time, logger);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Never cancelled midway: a claim cancelled after its statement committed would leave its jobs leased
                // to a node that is going away, until the lease ran out. What a stopping node claimed goes straight back.
                var jobs = await queue.ClaimAsync(settings.Queue, settings.BatchSize, settings.Lease, CancellationToken.None);
                if (stopping.IsCancellationRequested)
                {
                    await queue.ReleaseAsync(jobs, CancellationToken.None);
                    return;
                }

                if (jobs.Count == 0)
                {
                    await signal.WaitAsync(settings.Queue, await IdleWaitAsync(settings.Queue, stopping), time, stopping);
                    continue;
                }

                await batch.RunAsync(handler, jobs, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable or a statement failed: the jobs held stay leased and come back when the
                // lease expires. Wait a poll interval rather than spin.
                LogLoopFailed(logger, settings.Queue, ex);
                await WaitQuietlyAsync(options.Value.PollInterval, stopping);
            }
        }
    }

    private async Task MaintainAsync(IReadOnlyList<JobQueueSettings> queues, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(MaintenanceInterval, time);
        try
        {
            do
            {
                try
                {
                    foreach (var settings in queues)
                    {
                        if (await queue.BuryExpiredAsync(settings.Queue, stopping) is > 0 and var buried)
                        {
                            LogBuried(logger, buried, settings.Queue);
                        }
                    }

                    await queue.PruneAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogMaintenanceFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// A poll interval, or less when the queue's next job comes due sooner (journey timers, scheduled sends): they
    /// run when due rather than up to a poll interval late. Never below <see cref="MinimumWait"/>, so a job the
    /// claim skips (held by another node) cannot make the loop spin.
    /// </summary>
    private async Task<TimeSpan> IdleWaitAsync(string queueName, CancellationToken ct)
    {
        var poll = options.Value.PollInterval;
        if (await queue.NextDueAsync(queueName, ct) is not { } next)
        {
            return poll;
        }

        var until = next - time.GetUtcNow();
        return until < MinimumWait ? MinimumWait : until < poll ? until : poll;
    }

    private async Task WaitQuietlyAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The job loop of queue {Queue} failed; it retries after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} jobs of queue {Queue} lost their lease on their last attempt and are dead")]
    private static partial void LogBuried(ILogger logger, int count, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job queue maintenance failed; it is retried in a minute")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
