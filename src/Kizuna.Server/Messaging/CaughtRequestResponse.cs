using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Catchers;

namespace Kizuna.Server.Messaging;

/// <summary>An SMS, push or webhook request the demo's catcher answered: as sent, with the message id it carried.</summary>
public sealed record CaughtRequestResponse(
    long Sequence, DateTimeOffset ReceivedAt, string Channel, string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, string? DeliveryId)
{
    public static CaughtRequestResponse From(CaughtRequest r) =>
        new(r.Sequence, r.ReceivedAt, MessageChannels.Name(r.Channel), r.Method, r.Url, r.Headers, r.Body, r.DeliveryId);
}
