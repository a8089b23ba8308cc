using Kizuna.Storage;

namespace Kizuna.Messaging.Outbox;

/// <summary>A <c>messages</c> row as Dapper reads it (properties, so columns without a declared type map too).</summary>
internal sealed class OutboxRow
{
    public const string Columns =
        """
        m.id, m.workspace_id AS workspaceId, m.profile_id AS profileId, m.channel, m.source,
        m.idempotency_key AS idempotencyKey, m.template_id AS templateId, m.template_version AS templateVersion,
        m.recipient, m.data, m.transactional, m.state, m.attempts, m.next_attempt_at AS nextAttemptAt,
        m.last_error AS lastError, m.created_at AS createdAt, m.updated_at AS updatedAt, m.sent_at AS sentAt,
        m.subscription_group_id AS subscriptionGroupId
        """;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ProfileId { get; set; }

    public string Channel { get; set; } = "";

    public string Source { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public long TemplateId { get; set; }

    public long TemplateVersion { get; set; }

    public string? Recipient { get; set; }

    public string? Data { get; set; }

    public long Transactional { get; set; }

    public string State { get; set; } = "";

    public long Attempts { get; set; }

    public long? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? SentAt { get; set; }

    public string? UserId { get; set; }

    public string? AnonymousId { get; set; }

    public long? SubscriptionGroupId { get; set; }

    public OutboxMessage ToMessage() => new(
        Id, WorkspaceId, ProfileId, MessageChannels.Parse(Channel), Source, IdempotencyKey, TemplateId, (int)TemplateVersion,
        Recipient, Data, Transactional != 0, OutboxStates.Parse(State), (int)Attempts, Epoch.FromMs(NextAttemptAt), LastError,
        Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt), Epoch.FromMs(SentAt))
    {
        UserId = UserId,
        AnonymousId = AnonymousId,
        SubscriptionGroupId = SubscriptionGroupId,
    };
}
