namespace Kizuna.Messaging.Channels;

/// <summary>
/// Extension point: one channel's way out (SMTP for email; an SMS provider's API, FCM, webhooks later). The outbox
/// hands it a batch of rendered messages and records the outcome of each; it must not throw for one message's
/// fault. A message may be handed over again after a crash: the adapter sends it with the same deterministic id
/// (<see cref="ReadyMessage.DeliveryId"/>), so the receiving side can tell the repeat.
/// </summary>
public interface IChannelAdapter
{
    MessageChannel Channel { get; }

    /// <summary>Sends the batch and reports each message on <paramref name="results"/>; messages not reported count as transient failures.</summary>
    Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct);
}
