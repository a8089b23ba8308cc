using System.Collections.Concurrent;

namespace Kizuna.Work.Jobs;

/// <summary>
/// Wakes this node's worker for a queue as soon as a job enqueued here is due, instead of at its next poll. Other
/// nodes' jobs are found by polling.
/// </summary>
public sealed class JobSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _queues = new(StringComparer.Ordinal);

    /// <summary>Tells the queue's waiting worker that a job is due.</summary>
    public void Notify(string queue)
    {
        var semaphore = For(queue);
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notifier got there first: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits until the queue is notified or <paramref name="timeout"/> (by <paramref name="time"/>) has passed.</summary>
    public async Task WaitAsync(string queue, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var expired = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, expired.Token);
        try
        {
            await For(queue).WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed without a local enqueue.
        }
    }

    private SemaphoreSlim For(string queue) => _queues.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));
}
