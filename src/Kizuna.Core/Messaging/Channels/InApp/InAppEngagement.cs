using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Tracking;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// Records what a customer did with an item and writes it on their profile through ingestion: <c>In-App Message
/// Viewed</c>, <c>Clicked</c> or <c>Dismissed</c> (<c>Content Card …</c> for cards) with <c>message_id</c>,
/// <c>template_id</c>, <c>template_version</c>, <c>source</c> and, for a click, the button. Each event's id comes from
/// the message, the action and the button, so a repeated call is one event; the item keeps the first time.
/// </summary>
public sealed class InAppEngagement(InAppStore store, OutboxStore outbox, EngagementEvents events, TimeProvider time)
{
    public static string EventName(MessageChannel channel, InAppAction action) =>
        (channel == MessageChannel.InApp ? "In-App Message " : "Content Card ") + action switch
        {
            InAppAction.Seen => "Viewed",
            InAppAction.Clicked => "Clicked",
            _ => "Dismissed",
        };

    /// <summary>The item after the action, or null when the customer has no such item (someone else's is the same as none).</summary>
    public async Task<InAppItem?> RecordAsync(long workspaceId, long profileId, long messageId, InAppAction action, int? button, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await store.MarkAsync(workspaceId, profileId, messageId, action, now, ct) is not { } item)
        {
            return null;
        }

        var properties = new JsonObject
        {
            ["message_id"] = item.MessageId,
            ["template_id"] = item.TemplateId,
            ["template_version"] = item.TemplateVersion,
        };
        if (await outbox.FindAsync(workspaceId, messageId, ct) is { } message)
        {
            properties["source"] = message.Source;
        }

        var key = $"kizuna-{(item.Channel == MessageChannel.InApp ? "inapp" : "card")}-{action.ToString().ToLowerInvariant()}-{Id(item.MessageId)}";
        if (action == InAppAction.Clicked && button is { } index)
        {
            properties["button_index"] = index;
            if (InAppItems.Buttons(item) is { } buttons && index < buttons.Count)
            {
                properties["button_label"] = buttons[index].Label;
                properties["url"] = buttons[index].Url;
            }

            key += $"-b{Id(index)}";
        }
        else if (action == InAppAction.Clicked && InAppItems.Card(item) is { Link: { } link })
        {
            properties["url"] = link;
        }

        // Always written: ingestion keeps one event per key, and a repeat after a crash between the two writes completes it.
        await events.RecordAsync([new ProfileEvent(workspaceId, profileId, EventName(item.Channel, action), key, properties, now)], ct);
        return item;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
