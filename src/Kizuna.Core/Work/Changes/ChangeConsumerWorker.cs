namespace Kizuna.Work.Changes;

/// <summary>
/// Runs one consumer on this node: holds its lease (renewed a third of the way through, and with every cursor
/// move), reads the changes after its cursor, hands them over and moves the cursor once the handler returns.
/// </summary>
/// <remarks>
/// A cursor move runs while the next batch is read and handled: on SQLite it waits for the ingestion writer's commit
/// in progress (a whole group commit, a few hundred milliseconds under load), and a consumer that waited for it
/// before going on would add that wait to the delay of every change behind it. Moves of one cursor never overlap:
/// each round waits for the previous move before starting its own, and learns only then whether the lease was lost
/// (the batch it handled meanwhile is handed over again to whoever holds the lease: delivery is at least once). The
/// batch read ahead is handed over in the next round only if the cursor still starts where it ended. Without
/// <c>overlapMoves</c> each round waits for its own move before returning, so the cursor is where the round left it
/// (tests of the lease and of pruning step a worker round by round and read the cursor in between).
/// </remarks>
public sealed class ChangeConsumerWorker(
    IChangeConsumer consumer, ChangeFeed feed, ChangeCursorStore cursors, string owner, TimeSpan leaseDuration, TimeProvider time, bool overlapMoves = true)
{
    private ChangePosition? _position;
    private DateTimeOffset _renewAt;
    private (ChangePosition After, IReadOnlyList<Change> Changes)? _readAhead;
    private Task<bool>? _moving;

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
            if (!await SettleMoveAsync())
            {
                return null;
            }

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
        var changes = ahead is { } a && a.After == position && a.Changes.Count > 0 ? a.Changes : await feed.ReadAsync(position, batchSize, consumer.ReadsProperties, ct);
        if (changes.Count == 0)
        {
            return await SettleMoveAsync() ? 0 : null;
        }

        await consumer.HandleAsync(changes, ct);
        if (!await SettleMoveAsync())
        {
            return null;
        }

        var last = changes[^1].Position;
        _moving = cursors.AdvanceAsync(consumer.Name, owner, last, ct);
        _position = last;
        if (!overlapMoves && !await SettleMoveAsync())
        {
            return null;
        }

        _renewAt = time.GetUtcNow() + leaseDuration / 3;
        try
        {
            _readAhead = (last, await feed.ReadAsync(last, batchSize, consumer.ReadsProperties, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only the read ahead failed: the next round reads again, and reports the error if it persists.
        }

        return changes.Count;
    }

    /// <summary>Waits for the cursor move under way, if any; false (and no position) when it found the lease lost.</summary>
    private async Task<bool> SettleMoveAsync()
    {
        if (_moving is not { } moving)
        {
            return true;
        }

        _moving = null;
        var moved = false;
        try
        {
            moved = await moving;
        }
        finally
        {
            if (!moved)
            {
                _position = null;
                _readAhead = null;
            }
        }

        return moved;
    }

    /// <summary>Gives the lease up if this node holds it.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        var holding = _position is not null;
        try
        {
            await SettleMoveAsync();
        }
        catch (Exception)
        {
            // The last move failed or was cancelled by the stop: its batch is handed over again, and the lease is
            // given back below all the same (releasing a lease another node took changes nothing).
        }

        _readAhead = null;
        if (holding)
        {
            _position = null;
            await cursors.ReleaseAsync(consumer.Name, owner, ct);
        }
    }
}
