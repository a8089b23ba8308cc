namespace Kizuna.Messaging.Channels.InApp;

/// <summary>In-app messages: delivered by keeping them for the customer's app (see <see cref="InAppDelivery"/>).</summary>
public sealed class InAppChannel(InAppDelivery delivery) : IChannelAdapter
{
    public MessageChannel Channel => MessageChannel.InApp;

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct) => delivery.DeliverAsync(batch, results, ct);
}
