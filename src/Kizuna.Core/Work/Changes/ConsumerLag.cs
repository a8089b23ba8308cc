namespace Kizuna.Work.Changes;

/// <summary>
/// How far a consumer is behind the feed: <see cref="Behind"/> changes not yet handled, <see cref="Lag"/> since the
/// oldest of them committed (zero when caught up), the node holding its lease, and when the change at its cursor
/// committed (null before the first, or once pruned).
/// </summary>
public sealed record ConsumerLag(string Consumer, string? Owner, long Behind, TimeSpan Lag, DateTimeOffset? PositionCommittedAt);
