using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Changes;

/// <summary>
/// Runs every enabled <see cref="IChangeConsumer"/> on whichever node holds its lease, and prunes the feed. A
/// consumer catches up at once after a commit (this node's, <see cref="ChangeSignal"/>; on PostgreSQL any node's,
/// <see cref="ChangeNotifications"/>) and polls otherwise; nodes without the lease look for an expired one a few
/// times per lease period.
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
        while (!ct.IsCancellationRequested)
        {
            Task? next = signal.Next;
            TimeSpan wait;
            try
            {
                var handled = await worker.RunOnceAsync(ct);
                if (handled > 0)
                {
                    continue;
                }

                if (handled is null)
                {
                    // Another node holds the lease: commits are its to hand over, and waking on each would only try
                    // the lease again, so this node looks a few times per lease period.
                    wait = o.LeaseDuration / 4;
                    next = null;
                }
                else
                {
                    wait = o.PollInterval;
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
            }

            await WaitAsync(next, wait, ct);
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

    /// <summary>Waits for <paramref name="wake"/> (if any) or <paramref name="timeout"/>, whichever comes first; returns quietly when stopping.</summary>
    private async Task WaitAsync(Task? wake, TimeSpan timeout, CancellationToken ct)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cancel.Token);
        await Task.WhenAny(wake ?? delay, delay);
        await cancel.CancelAsync();
    }
}
