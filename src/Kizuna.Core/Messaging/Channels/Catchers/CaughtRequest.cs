namespace Kizuna.Messaging.Channels.Catchers;

/// <summary>
/// A request the demo's catcher answered instead of a provider: the channel, when, the request as sent, and the
/// workspace and delivery id it carried (null when it named none).
/// </summary>
public sealed record CaughtRequest(
    long Sequence,
    DateTimeOffset ReceivedAt,
    MessageChannel Channel,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    long? WorkspaceId,
    string? DeliveryId);
