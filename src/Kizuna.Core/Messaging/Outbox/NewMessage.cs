namespace Kizuna.Messaging.Outbox;

/// <summary>
/// A message to queue. <paramref name="IdempotencyKey"/> names it once and for all within the workspace: the
/// source, the profile and the occurrence (<c>campaign:12:profile:7:run:3</c>), or the caller's own key for the
/// transactional API; queuing the same key again returns the first message. <paramref name="ProfileId"/> is 0 for an
/// address no profile answers to. <paramref name="Data"/> is a JSON object the template reads as <c>data</c>.
/// </summary>
public sealed record NewMessage(
    long WorkspaceId,
    long ProfileId,
    MessageChannel Channel,
    string Source,
    string IdempotencyKey,
    long TemplateId,
    int TemplateVersion,
    string? Recipient,
    string? Data = null,
    bool Transactional = false)
{
    /// <summary>The subscription group a marketing message is sent under; its recipient must not have left it.</summary>
    public long? SubscriptionGroupId { get; init; }
}
