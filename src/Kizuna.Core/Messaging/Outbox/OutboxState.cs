namespace Kizuna.Messaging.Outbox;

/// <summary>
/// Where a message stands. <c>queued</c> → <c>sending</c> → <c>sent</c> (→ <c>delivered</c> on a provider's
/// receipt); <c>deferred</c> waits for a time (a check's answer, or a transient failure's backoff) and is then tried
/// again; <c>suppressed</c> (a check said no), <c>failed</c> (a permanent failure) and <c>dead</c> (transient
/// failures through every attempt) are final. <c>sending</c> marks the one batch that may be in doubt after a crash.
/// </summary>
public enum OutboxState
{
    Queued,
    Deferred,
    Sending,
    Sent,
    Delivered,
    Failed,
    Suppressed,
    Dead,
}
