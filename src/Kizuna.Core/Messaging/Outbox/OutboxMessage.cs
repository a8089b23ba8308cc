namespace Kizuna.Messaging.Outbox;

/// <summary>
/// One message of the outbox as stored. <see cref="UserId"/> and <see cref="AnonymousId"/> are the identities of its
/// profile when it was loaded for a send (what the <c>Email Sent</c> event is recorded under); null on other reads.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    long WorkspaceId,
    long ProfileId,
    MessageChannel Channel,
    string Source,
    string IdempotencyKey,
    long TemplateId,
    int TemplateVersion,
    string? Recipient,
    string? Data,
    bool Transactional,
    OutboxState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt)
{
    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The subscription group a marketing message is sent under; null for the channel alone.</summary>
    public long? SubscriptionGroupId { get; init; }
}
