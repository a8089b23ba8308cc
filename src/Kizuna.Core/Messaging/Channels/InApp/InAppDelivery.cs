using System.Text.Json;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// What "sending" means for in-app messages and content cards: the rendered message is kept for its customer, to be
/// fetched by their app or pushed to its live stream. A card's expiry counts from its delivery.
/// </summary>
public sealed class InAppDelivery(InAppStore store, InAppSignals signals, TimeProvider time)
{
    public async Task DeliverAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var items = new List<(ReadyMessage Ready, InAppItem Item)>();
        foreach (var ready in batch)
        {
            var message = ready.Message;
            if (message.ProfileId <= 0)
            {
                results.Permanent(ready, "In-app messages and content cards go to a profile; this message names none.");
                continue;
            }

            var (content, pinned, expires) = ready.Content switch
            {
                RenderedCard card => (JsonSerializer.Serialize(card, InAppStore.Json), card.Pinned, card.ExpiresAfter is { } after ? now + after : (DateTimeOffset?)null),
                RenderedInApp inApp => (JsonSerializer.Serialize(inApp, InAppStore.Json), false, null),
                _ => throw new InvalidOperationException($"{ready.Content.GetType().Name} is not in-app content."),
            };
            items.Add((ready, new InAppItem(message.WorkspaceId, message.ProfileId, message.Id, message.Channel, message.TemplateId, message.TemplateVersion,
                content, pinned, now, expires, null, null, null)));
        }

        if (items.Count == 0)
        {
            return;
        }

        await store.DeliverAsync([.. items.Select(i => i.Item)], ct);
        foreach (var (ready, item) in items)
        {
            results.Sent(ready);
            signals.Delivered(item.WorkspaceId, item.ProfileId);
        }
    }
}
