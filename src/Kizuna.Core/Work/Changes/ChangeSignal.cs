using Kizuna.Ingestion;

namespace Kizuna.Work.Changes;

/// <summary>
/// Wakes this node's consumers as soon as its writer commits a change, so they need not wait for their next poll.
/// Take <see cref="Next"/> before reading the feed: a commit after that read completes it, so none is missed.
/// </summary>
public sealed class ChangeSignal : ICommittedBatchObserver
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit of a change on this node.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public ValueTask OnCommittedAsync(CommittedBatch batch, CancellationToken ct)
    {
        if (batch.Change is not null)
        {
            Wake();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Wakes this node's consumers now, as a commit would: they read the feed again without waiting for their poll
    /// (which a test's frozen clock never fires).
    /// </summary>
    internal void Wake() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
