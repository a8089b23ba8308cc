using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;
using Kizuna.Templates.Store;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Email double opt-in: a subscription waits as <c>pending</c> while the workspace's confirmation template goes out
/// (transactional, through the outbox) with <c>{{ data.confirm_url }}</c>, a signed link naming the profile and the
/// moment it asked. Following it turns that same pending answer into <c>opted_in</c>; a link to an answer since
/// replaced (unsubscribed again, confirmed already) changes nothing.
/// </summary>
public sealed class DoubleOptIn(OutboxStore outbox, TemplateStore templates, ProfileService profiles, SubscriptionStore store, MessageLinkSigner links)
{
    public const string Source = "double_opt_in";

    internal async Task SendAsync(long workspaceId, long profileId, long templateId, DateTimeOffset pendingAt, CancellationToken ct)
    {
        var detail = await profiles.FindAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(CultureInfo.InvariantCulture)), ct);
        if (detail?.Profile.Email is not { } address || await templates.FindAsync(workspaceId, templateId, null, ct) is not { } template)
        {
            return;   // nowhere to send it: the answer stays pending until a confirmation can go
        }

        var at = Epoch.ToMs(pendingAt);
        var url = await links.UrlAsync(MessageLinkKind.Confirm, new LinkTarget(workspaceId, at, profileId), ct);
        await outbox.QueueAsync([new NewMessage(
            workspaceId, profileId, MessageChannel.Email, Source, $"double-opt-in:{profileId.ToString(CultureInfo.InvariantCulture)}:{at.ToString(CultureInfo.InvariantCulture)}",
            template.Id, template.Version, address, new JsonObject { ["confirm_url"] = url }.ToJsonString(), Transactional: true)], ct);
    }

    /// <summary>The change a confirmation link makes, or null when the link is forged or its request was replaced since.</summary>
    public async Task<(long WorkspaceId, long ProfileId, ConsentChange Change)?> ConfirmationAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        if (await links.VerifyAsync(MessageLinkKind.Confirm, token, ct) is not { } target)
        {
            return null;
        }

        var email = (await store.ReadAsync(target.WorkspaceId, target.ProfileId, ct)).FirstOrDefault(s => s.Channel == MessageChannel.Email && s.GroupId == 0);
        return email is { State: SubscriptionState.Pending } pending && Epoch.ToMs(pending.ChangedAt) == target.MessageId
            ? (target.WorkspaceId, target.ProfileId, new ConsentChange(MessageChannel.Email, null, SubscriptionState.OptedIn, Source, now))
            : null;
    }
}
