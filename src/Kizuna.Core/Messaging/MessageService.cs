using System.Security.Cryptography;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using MimeKit;

namespace Kizuna.Messaging;

/// <summary>Queues transactional messages and reads messages back with their history.</summary>
public sealed class MessageService(OutboxStore outbox, TemplateStore templates, ProfileService profiles, SubscriptionGroupStore groups)
{
    public const int MaxKeyLength = 200;

    public async Task<TransactionalResult> SendAsync(long workspaceId, TransactionalSend send, CancellationToken ct)
    {
        if (send.IdempotencyKey is { } callerKey && (callerKey.Length is 0 or > MaxKeyLength || callerKey.Any(char.IsControl)))
        {
            return TransactionalResult.Refused("idempotencyKey", $"An idempotency key is 1 to {MaxKeyLength} printable characters.");
        }

        if (send.Data is { } data && data.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return TransactionalResult.Refused("data", "data is a JSON object.");
        }

        var key = send.IdempotencyKey is { } k ? $"api:{k}" : $"api:{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}";
        if (send.IdempotencyKey is not null && await FindByKeyAsync(workspaceId, key, ct) is { } earlier)
        {
            return new TransactionalResult(earlier, false);
        }

        if (await templates.FindAsync(workspaceId, send.TemplateId, null, ct) is not { Kind: TemplateKind.Template } template)
        {
            return TransactionalResult.Refused("templateId", $"This workspace has no message template {send.TemplateId}.", notFound: true);
        }

        SubscriptionGroup? group = null;
        if (send.SubscriptionGroup is { } groupKey
            && (group = await groups.FindByKeyAsync(workspaceId, groupKey, ct)) is not { Channel: MessageChannel.Email, Archived: false })
        {
            return TransactionalResult.Refused("subscriptionGroup", $"This workspace has no email subscription group '{groupKey}'.");
        }

        var detail = await profiles.FindAsync(workspaceId, send.To, ct);
        if (detail is null && send.To.Kind != ProfileLookupKind.Email)
        {
            return TransactionalResult.Refused("to", "No profile answers to this recipient.", notFound: true);
        }

        var address = send.Email ?? detail?.Profile.Email ?? (send.To.Kind == ProfileLookupKind.Email ? send.To.Value : null);
        if (address is null)
        {
            return TransactionalResult.Refused("to", "The profile has no email address; give one in 'email'.");
        }

        if (!MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal) || mailbox.Address != address.Trim())
        {
            return TransactionalResult.Refused(send.Email is null ? "to" : "email", "This is not an email address.");
        }

        var queued = (await outbox.QueueAsync([new NewMessage(
            workspaceId, detail?.Profile.Id ?? 0, MessageChannel.Email, "api", key, template.Id, template.Version,
            mailbox.Address, send.Data?.GetRawText(), send.Transactional) { SubscriptionGroupId = group?.Id }], ct))[0];
        return new TransactionalResult(await outbox.FindAsync(workspaceId, queued.Id, ct), queued.Created);
    }

    public Task<OutboxMessage?> FindAsync(long workspaceId, long id, CancellationToken ct) => outbox.FindAsync(workspaceId, id, ct);

    public Task<IReadOnlyList<OutboxHistoryEntry>> HistoryAsync(long workspaceId, long id, CancellationToken ct) => outbox.HistoryAsync(workspaceId, id, ct);

    private Task<OutboxMessage?> FindByKeyAsync(long workspaceId, string key, CancellationToken ct) => outbox.FindByKeyAsync(workspaceId, key, ct);
}
