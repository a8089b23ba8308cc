using System.Text.Json.Nodes;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Imports;

/// <summary>The Segment-spec messages an import produces; message ids are deterministic so a re-run adds nothing.</summary>
internal static class ImportMessages
{
    public static IngestMessage Identify(string messageId, string? userId, string? anonymousId, JsonObject traits, DateTimeOffset timestamp, DateTimeOffset receivedAt) => new()
    {
        Type = MessageType.Identify,
        MessageId = messageId,
        UserId = userId,
        AnonymousId = anonymousId,
        TraitsJson = traits.ToJsonString(),
        Timestamp = timestamp,
        ReceivedAt = receivedAt,
    };

    public static IngestMessage Track(string messageId, string? userId, string? anonymousId, string name, JsonObject properties, DateTimeOffset timestamp, DateTimeOffset receivedAt) => new()
    {
        Type = MessageType.Track,
        MessageId = messageId,
        UserId = userId,
        AnonymousId = anonymousId,
        Name = name,
        PropertiesJson = properties.ToJsonString(),
        Timestamp = timestamp,
        ReceivedAt = receivedAt,
    };

    /// <summary>
    /// An order event. The properties keep the spec's headline members only; the lines travel in
    /// <see cref="IngestMessage.Order"/> and are stored once, as order lines.
    /// </summary>
    public static IngestMessage Order(string messageId, string userId, OrderEvent order, DateTimeOffset timestamp, DateTimeOffset receivedAt)
    {
        var properties = new JsonObject { ["order_id"] = order.OrderId };
        if (order.Total is { } total)
        {
            properties["total"] = total;
        }

        if (order.Currency is not null)
        {
            properties["currency"] = order.Currency;
        }

        properties["line_count"] = order.Lines.Count;
        return Track(messageId, userId, null, CommerceEvents.Name(order.Kind), properties, timestamp, receivedAt) with { Order = order };
    }
}
