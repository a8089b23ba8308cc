using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Changes;

/// <summary>
/// Runs every enabled <see cref="IChangeConsumer"/> on whichever node holds its lease, and prunes the feed. A
/// consumer catches up at once after a commit (this node's, <see cref="ChangeSignal"/>; on PostgreSQL any node's,
/// <see cref="ChangeNotifications"/>) and polls otherwise; nodes without the lease look for an expired one a few
/// times per lease period. A commit that wakes a consumer can still be out of its reach: on PostgreSQL the feed holds
/// a change back while any older transaction on the server is open, and most of those (journey passes, sends, job
/// claims) end without waking anyone. So a wake that finds nothing is retried soon, sooner than the poll, backing off
/// (<see cref="HeldBackRetry"/>, a quarter longer each time) until the change shows or the poll interval is reached.
/// A gentle backoff keeps the change's wait close to the time it was held back: doubling let it wait up to twice that
/// (held back 40 ms, seen at 75), and on two busy nodes that was the tail of a trigger's latency.
/// </summary>
public sealed class ChangeFeedRunner(
    IEnumerable<IChangeConsumer> consumers,
    ChangeFeed feed,
    ChangeCursorStore cursors,
    ChangeSignal signal,
    NodeIdentity node,
    IOptions<ChangeFeedOptions> options,
    TimeProvider time,
    ILogger<ChangeFeedRunner> logger) : BackgroundService
{
    private const int PruneBatch = 10_000;

    /// <summary>The first retry of a wake that found nothing; each next one waits a quarter longer, up to the poll interval.</summary>
    internal static readonly TimeSpan HeldBackRetry = TimeSpan.FromMilliseconds(5);

    private readonly ChangeConsumerWorker[] _workers = [.. consumers.Where(c => c.Enabled)
        .Select(c => new ChangeConsumerWorker(c, feed, cursors, node.Name, options.Value.LeaseDuration, time))];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([.. _workers.Select(w => RunAsync(w, stoppingToken)), PruneAsync(stoppingToken)]);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var worker in _workers)
        {
            try
            {
                await worker.ReleaseAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not release the lease of change consumer {Consumer}", worker.Consumer.Name);
            }
        }
    }

    private async Task RunAsync(ChangeConsumerWorker worker, CancellationToken ct)
    {
        var o = options.Value;
        // Above zero when a change may be committed and not readable yet (a commit woke the consumer, or it was just
        // handed changes): the wait before looking again, a quarter longer after each read that finds nothing until
        // it reaches the poll interval, where it goes back to zero.
        var retry = TimeSpan.Zero;
        while (!ct.IsCancellationRequested)
        {
            Task? next = signal.Next;
            TimeSpan wait;
            try
            {
                var handled = await worker.RunOnceAsync(ct);
                if (handled > 0)
                {
                    retry = HeldBackRetry;
                    continue;
                }

                if (handled is null)
                {
                    // Another node holds the lease: commits are its to hand over, and waking on each would only try
                    // the lease again, so this node looks a few times per lease period.
                    wait = o.LeaseDuration / 4;
                    next = null;
                    retry = TimeSpan.Zero;
                }
                else
                {
                    wait = retry > TimeSpan.Zero ? retry : o.PollInterval;
                    var longer = retry + (retry / 4);
                    retry = longer < o.PollInterval ? longer : TimeSpan.Zero;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Change consumer {Consumer} failed; the same changes are handed to it again after {Delay}", worker.Consumer.Name, o.RetryDelay);
                wait = o.RetryDelay;
                next = null;
                retry = TimeSpan.Zero;
            }

            if (await WaitAsync(next, wait, ct))
            {
                retry = HeldBackRetry;
            }
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                int pruned;
                do
                {
                    pruned = await cursors.PruneAsync(PruneBatch, ct);
                }
                while (pruned == PruneBatch);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Pruning the change feed failed");
            }

            await WaitAsync(null, options.Value.PruneInterval, ct);
        }
    }

    /// <summary>
    /// Waits for <paramref name="wake"/> (if any) or <paramref name="timeout"/>, whichever comes first; returns quietly
    /// when stopping. True when <paramref name="wake"/> ended the wait.
    /// </summary>
    private async Task<bool> WaitAsync(Task? wake, TimeSpan timeout, CancellationToken ct)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cancel.Token);
        var first = await Task.WhenAny(wake ?? delay, delay);
        await cancel.CancelAsync();
        return wake is not null && first == wake;
    }
}
