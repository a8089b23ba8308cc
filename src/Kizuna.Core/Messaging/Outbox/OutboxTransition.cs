namespace Kizuna.Messaging.Outbox;

/// <summary>
/// A message moving to <paramref name="To"/>: <paramref name="Detail"/> is kept in its history (and as its last
/// error when it failed), <paramref name="NextAttemptAt"/> is when a deferred message is tried again.
/// <paramref name="Attempted"/> counts a try at the channel. <paramref name="SentAt"/> is when the hand-over of a sent
/// message began (its <c>sent_at</c>; the time of the write when null).
/// </summary>
public sealed record OutboxTransition(
    OutboxMessage Message, OutboxState To, string? Detail = null, DateTimeOffset? NextAttemptAt = null, bool Attempted = false, DateTimeOffset? SentAt = null);
