using System.Security.Cryptography;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kizuna.Messaging;

/// <summary>Queues messages sent through the API (transactional by default) and reads messages back with their history.</summary>
public sealed class MessageService(OutboxStore outbox, TemplateStore templates, ProfileService profiles, SubscriptionGroupStore groups, IOptions<SmsOptions> sms)
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

        var key = send.IdempotencyKey is { } k ? $"{send.Source}:{k}" : $"{send.Source}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}";
        if (send.IdempotencyKey is not null && await FindByKeyAsync(workspaceId, key, ct) is { } earlier)
        {
            return new TransactionalResult(earlier, false);
        }

        if (await templates.FindAsync(workspaceId, send.TemplateId, send.Version, ct) is not { Kind: TemplateKind.Template } template)
        {
            return send.Version is { } v
                ? TransactionalResult.Refused("version", $"Message template {send.TemplateId} has no version {v}.", notFound: true)
                : TransactionalResult.Refused("templateId", $"This workspace has no message template {send.TemplateId}.", notFound: true);
        }

        var channel = MessageTemplate.ChannelOf(template);
        SubscriptionGroup? group = null;
        if (send.SubscriptionGroup is { } groupKey
            && ((group = await groups.FindByKeyAsync(workspaceId, groupKey, ct)) is not { Archived: false } || group.Channel != channel))
        {
            return TransactionalResult.Refused("subscriptionGroup", $"This workspace has no {MessageChannels.Name(channel)} subscription group '{groupKey}'.");
        }

        var detail = await profiles.FindAsync(workspaceId, send.To, ct);
        if (detail is null && send.To.Kind != ProfileLookupKind.Email)
        {
            return TransactionalResult.Refused("to", "No profile answers to this recipient.", notFound: true);
        }

        if (channel != MessageChannel.Email)
        {
            return await QueueOtherAsync(workspaceId, send, key, template, channel, group, detail?.Profile, ct);
        }

        if (send.Email is { } given && detail?.Profile.Email is { } own && !string.Equals(given.Trim(), own, StringComparison.OrdinalIgnoreCase))
        {
            // The message carries this profile's data and its signed unsubscribe and preference links: it goes to no one else.
            return TransactionalResult.Refused("email", "The profile has an address of its own; a message made for it is sent only there.");
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
            workspaceId, detail?.Profile.Id ?? 0, MessageChannel.Email, send.Source, key, template.Id, template.Version,
            mailbox.Address, send.Data?.GetRawText(), send.Transactional) { SubscriptionGroupId = group?.Id }], ct))[0];
        return new TransactionalResult(await outbox.FindAsync(workspaceId, queued.Id, ct), queued.Created);
    }

    public Task<OutboxMessage?> FindAsync(long workspaceId, long id, CancellationToken ct) => outbox.FindAsync(workspaceId, id, ct);

    /// <summary>
    /// A text goes to the profile's phone number (or <see cref="TransactionalSend.Phone"/>) in E.164; a push to the
    /// profile's devices; a webhook on behalf of the profile, or of the bare address named.
    /// </summary>
    private async Task<TransactionalResult> QueueOtherAsync(
        long workspaceId, TransactionalSend send, string key, StoredTemplate template, MessageChannel channel, SubscriptionGroup? group, Profile? profile, CancellationToken ct)
    {
        if (send.Email is not null)
        {
            return TransactionalResult.Refused("email", $"Template {template.Id} is a {MessageChannels.Name(channel)} template; 'email' is for email templates.");
        }

        string recipient;
        switch (channel)
        {
            case MessageChannel.Sms:
                var own = profile?.Traits["phone"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var p) ? p : null;
                if (E164.Normalise(send.Phone ?? own, sms.Value.DefaultRegion, out var reason) is not { } number)
                {
                    return TransactionalResult.Refused(send.Phone is null ? "to" : "phone", reason!);
                }

                if (send.Phone is not null && E164.Normalise(own, sms.Value.DefaultRegion, out _) is { } ownNumber && ownNumber != number)
                {
                    // As for email: a text made for a profile with a number goes only to that number.
                    return TransactionalResult.Refused("phone", "The profile has a number of its own; a message made for it is sent only there.");
                }

                recipient = number;
                break;
            case MessageChannel.Push when profile is null:
                return TransactionalResult.Refused("to", "A push goes to a profile's devices; name the profile by userId or profileId.");
            case MessageChannel.InApp or MessageChannel.ContentCard when profile is null:
                return TransactionalResult.Refused("to", "In-app messages and content cards go to a profile's app; name the profile by userId or profileId.");
            default:
                recipient = profile?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? send.To.Value;
                break;
        }

        var queued = (await outbox.QueueAsync([new NewMessage(
            workspaceId, profile?.Id ?? 0, channel, send.Source, key, template.Id, template.Version,
            recipient, send.Data?.GetRawText(), send.Transactional) { SubscriptionGroupId = group?.Id }], ct))[0];
        return new TransactionalResult(await outbox.FindAsync(workspaceId, queued.Id, ct), queued.Created);
    }

    public Task<IReadOnlyList<OutboxHistoryEntry>> HistoryAsync(long workspaceId, long id, CancellationToken ct) => outbox.HistoryAsync(workspaceId, id, ct);

    private Task<OutboxMessage?> FindByKeyAsync(long workspaceId, string key, CancellationToken ct) => outbox.FindByKeyAsync(workspaceId, key, ct);
}
