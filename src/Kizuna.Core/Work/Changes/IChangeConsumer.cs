namespace Kizuna.Work.Changes;

/// <summary>
/// A durable reader of the change feed (segment membership, journey triggers, exports): register one as a singleton
/// <see cref="IChangeConsumer"/> and <see cref="ChangeFeedRunner"/> hands it every committed change in feed order,
/// from a cursor stored under <see cref="Name"/>, on one node at a time across the cluster. A consumer registered
/// for the first time starts at the current end of the feed.
/// </summary>
/// <remarks>
/// Delivery is at least once: the cursor moves past a batch only after <see cref="HandleAsync"/> returns, so a
/// crash, a lost lease or a failure hands the same changes again (a failure after a pause, to the same consumer).
/// Handlers must be idempotent: key what they write by <see cref="Change.Position"/> or by event id.
/// </remarks>
public interface IChangeConsumer
{
    /// <summary>The cursor's name; renaming it starts a new consumer at the end of the feed.</summary>
    string Name { get; }

    /// <summary>Most changes handed to one <see cref="HandleAsync"/> call (each holds up to one commit's events).</summary>
    int BatchSize => 16;

    /// <summary>
    /// Whether the handler reads the events' properties. One that does not is handed events without them (null):
    /// copying every event's JSON out of the store is most of what reading the feed costs.
    /// </summary>
    bool ReadsProperties => true;

    /// <summary>A consumer turned off by its configuration is not run, holds no cursor and holds back no pruning.</summary>
    bool Enabled => true;

    /// <summary>Handles changes in feed order. Throwing hands the same changes again later.</summary>
    Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct);
}
