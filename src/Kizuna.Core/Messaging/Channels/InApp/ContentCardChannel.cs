namespace Kizuna.Messaging.Channels.InApp;

/// <summary>Content cards: delivered by keeping them in the customer's feed (see <see cref="InAppDelivery"/>).</summary>
public sealed class ContentCardChannel(InAppDelivery delivery) : IChannelAdapter
{
    public MessageChannel Channel => MessageChannel.ContentCard;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct) => delivery.DeliverAsync(batch, results, ct);
}
