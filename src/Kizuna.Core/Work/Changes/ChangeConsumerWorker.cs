namespace Kizuna.Work.Changes;

/// <summary>
/// Runs one consumer on this node: holds its lease (renewed a third of the way through, and with every cursor
/// move), reads the changes after its cursor, hands them over and moves the cursor once the handler returns.
/// </summary>
/// <remarks>
/// While the cursor moves, the next batch is read: on SQLite a cursor move waits for the ingestion writer's commit
/// in progress (a whole group commit, a few hundred milliseconds under load), and a consumer behind the feed would
/// otherwise pay that wait and its next read one after the other. The batch read ahead is handed over in the next
/// round only if the cursor still starts where it ended.
/// </remarks>
public sealed class ChangeConsumerWorker(IChangeConsumer consumer, ChangeFeed feed, ChangeCursorStore cursors, string owner, TimeSpan leaseDuration, TimeProvider time)
{
    private ChangePosition? _position;
    private DateTimeOffset _renewAt;
    private (ChangePosition After, IReadOnlyList<Change> Changes)? _readAhead;

    public IChangeConsumer Consumer => consumer;

    /// <summary>Whether this node held the consumer's lease at its last round.</summary>
    public bool Holding => _position is not null;

    /// <summary>
    /// One round: the number of changes handled (0 when caught up), or null while another node holds the lease (or
    /// took it over during the round). A handler's exception propagates; the cursor stays where it was.
    /// </summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        if (_position is null || time.GetUtcNow() >= _renewAt)
        {
            // Never cancelled midway: a lease taken by a statement cancelled after it committed would be unknown here,
            // so a stopping node would not give it back and the next node would wait out the whole lease.
            _position = await cursors.LeaseAsync(consumer.Name, owner, CancellationToken.None);
            _renewAt = time.GetUtcNow() + leaseDuration / 3;
            ct.ThrowIfCancellationRequested();
        }

        var ahead = _readAhead;
        _readAhead = null;
        if (_position is not { } position)
        {
            return null;
        }

        var batchSize = Math.Max(1, consumer.BatchSize);
        var changes = ahead is { } a && a.After == position && a.Changes.Count > 0 ? a.Changes : await feed.ReadAsync(position, batchSize, ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        await consumer.HandleAsync(changes, ct);
        var last = changes[^1].Position;
        var advance = cursors.AdvanceAsync(consumer.Name, owner, last, ct);
        var next = feed.ReadAsync(last, batchSize, ct);
        try
        {
            await Task.WhenAll(advance, next);
        }
        catch (Exception) when (advance.IsCompletedSuccessfully)
        {
            // Only the read ahead failed: the next round reads again, and reports the error if it persists.
        }

        if (!advance.Result)
        {
            _position = null;
            return null;
        }

        _position = last;
        _readAhead = next.IsCompletedSuccessfully ? (last, next.Result) : null;
        _renewAt = time.GetUtcNow() + leaseDuration / 3;
        return changes.Count;
    }

    /// <summary>Gives the lease up if this node holds it.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        _readAhead = null;
        if (_position is not null)
        {
            _position = null;
            await cursors.ReleaseAsync(consumer.Name, owner, ct);
        }
    }
}
