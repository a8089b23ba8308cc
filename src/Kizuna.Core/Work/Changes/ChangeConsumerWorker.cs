namespace Kizuna.Work.Changes;

/// <summary>
/// Runs one consumer on this node: holds its lease (renewed a third of the way through, and with every cursor
/// move), reads the changes after its cursor, hands them over and moves the cursor once the handler returns.
/// </summary>
public sealed class ChangeConsumerWorker(IChangeConsumer consumer, ChangeFeed feed, ChangeCursorStore cursors, string owner, TimeSpan leaseDuration, TimeProvider time)
{
    private ChangePosition? _position;
    private DateTimeOffset _renewAt;

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
            _position = await cursors.LeaseAsync(consumer.Name, owner, ct);
            _renewAt = time.GetUtcNow() + leaseDuration / 3;
        }

        if (_position is not { } position)
        {
            return null;
        }

        var changes = await feed.ReadAsync(position, Math.Max(1, consumer.BatchSize), ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        await consumer.HandleAsync(changes, ct);
        if (!await cursors.AdvanceAsync(consumer.Name, owner, changes[^1].Position, ct))
        {
            _position = null;
            return null;
        }

        _position = changes[^1].Position;
        _renewAt = time.GetUtcNow() + leaseDuration / 3;
        return changes.Count;
    }

    /// <summary>Gives the lease up if this node holds it.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (_position is not null)
        {
            _position = null;
            await cursors.ReleaseAsync(consumer.Name, owner, ct);
        }
    }
}
