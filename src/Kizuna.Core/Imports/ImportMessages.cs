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
    /// An order event. For an order the properties keep the spec's headline members only; the lines travel in
    /// <see cref="IngestMessage.Order"/> and are stored once, as order lines. A refund or cancellation also lists
    /// its products and names the invoice it came from (<c>refund_id</c>), because no order line records what was
    /// returned, and a refund that matched no order has nothing else to show.
    /// </summary>
    public static IngestMessage Order(string messageId, string userId, OrderEvent order, DateTimeOffset timestamp, DateTimeOffset receivedAt, string? refundId = null)
    {
        var properties = new JsonObject { ["order_id"] = order.OrderId };
        if (refundId is not null)
        {
            properties["refund_id"] = refundId;
        }

        if (order.Total is { } total)
        {
            properties["total"] = total;
        }

        if (order.Currency is not null)
        {
            properties["currency"] = order.Currency;
        }

        properties["line_count"] = order.Lines.Count;
        if (order.Kind != OrderEventKind.Completed)
        {
            properties["products"] = new JsonArray([.. order.Lines.Select(Product)]);
        }

        return Track(messageId, userId, null, CommerceEvents.Name(order.Kind), properties, timestamp, receivedAt) with { Order = order };
    }

    private static JsonObject Product(OrderLine line)
    {
        var product = new JsonObject { ["product_id"] = line.ProductId };
        if (line.Sku is not null)
        {
            product["sku"] = line.Sku;
        }

        if (line.Name is not null)
        {
            product["name"] = line.Name;
        }

        if (line.Category is not null)
        {
            product["category"] = line.Category;
        }

        product["price"] = line.Price;
        product["quantity"] = line.Quantity;
        return product;
    }
}
