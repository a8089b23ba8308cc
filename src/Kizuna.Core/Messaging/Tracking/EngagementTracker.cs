using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Records what the open pixel and click redirects see as events on the recipient's profile: <c>Email Opened</c>
/// (once per message: later opens of the same message are the same event) and <c>Email Link Clicked</c> (once per
/// message and link), with <c>message_id</c>, <c>template_id</c>, <c>template_version</c>, <c>source</c>,
/// <c>campaign_id</c> and <c>campaign_variant</c> when a campaign sent it, and the clicked <c>url</c>. These are the names analytics counts for
/// open and click rates.
/// </summary>
public sealed class EngagementTracker(TrackingLinks links, OutboxStore outbox, EngagementEvents events, TimeProvider time)
{
    public const string Opened = "Email Opened";
    public const string Clicked = "Email Link Clicked";

    /// <summary>Records an open; false when the token is not a genuine pixel of a message this server sent.</summary>
    public async Task<bool> OpenedAsync(string token, string? userAgent, IPAddress? remote, CancellationToken ct)
    {
        if (await links.VerifyOpenAsync(token, ct) is not { } target || await MessageAsync(target, ct) is not { } message)
        {
            return false;
        }

        var properties = Properties(message);
        properties["machine_open"] = MachineOpens.IsLikely(userAgent, remote);
        await RecordAsync(message, Opened, $"kizuna-open-{Id(message.Id)}", properties, ct);
        return true;
    }

    /// <summary>Records a click and answers where to send the reader; null when the token is not genuine.</summary>
    public async Task<string?> ClickedAsync(string token, CancellationToken ct)
    {
        if (await links.VerifyClickAsync(token, ct) is not { } click)
        {
            return null;
        }

        if (await MessageAsync(click.Target, ct) is { } message)
        {
            var properties = Properties(message);
            properties["url"] = click.Url;
            var link = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(click.Url)).ToString("x16", CultureInfo.InvariantCulture);
            await RecordAsync(message, Clicked, $"kizuna-click-{Id(message.Id)}-{link}", properties, ct);
        }

        return click.Url;   // a message erased since still takes the reader where the email said
    }

    private async Task<OutboxMessage?> MessageAsync(LinkTarget target, CancellationToken ct) =>
        await outbox.FindAsync(target.WorkspaceId, target.MessageId, ct) is { ProfileId: > 0 } message ? message : null;

    private Task RecordAsync(OutboxMessage message, string name, string key, JsonObject properties, CancellationToken ct) =>
        events.RecordAsync([new ProfileEvent(message.WorkspaceId, message.ProfileId, name, key, properties, time.GetUtcNow())], ct);

    private static JsonObject Properties(OutboxMessage message)
    {
        var properties = new JsonObject
        {
            ["message_id"] = message.Id,
            ["template_id"] = message.TemplateId,
            ["template_version"] = message.TemplateVersion,
            ["source"] = message.Source,
        };
        if (MessageSources.CampaignOf(message.Source) is { } campaign)
        {
            properties["campaign_id"] = campaign.CampaignId;
            properties["campaign_variant"] = campaign.Variant;
        }

        return properties;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
