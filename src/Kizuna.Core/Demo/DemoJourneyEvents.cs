using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Demo;

/// <summary>
/// A demo day at the shop as its tracking reports it, for the live journeys: new customers sign up, carts are checked
/// out, and some of those carts are ordered (within the hour, later, or never), so entries take every way through the
/// welcome, abandoned-cart and post-purchase journeys. The same for a seed and a day.
/// </summary>
internal static class DemoJourneyEvents
{
    public static IReadOnlyList<IngestMessage> Day(int day, int customers, DateTimeOffset at)
    {
        var rng = new Random(9_173 + day);
        var messages = new List<IngestMessage>();
        var perDay = Math.Clamp(customers / 300, 3, 40);
        for (var i = 0; i < perDay; i++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"new_{day:D2}_{i:D3}");
            var when = at.AddMinutes(i);
            var traits = new JsonObject
            {
                ["email"] = $"{user}@example.com",
                ["first_name"] = DemoPeople.Pick(rng, ["Aiko", "Ben", "Chiara", "Daichi", "Emma", "Haruto", "Mei", "Noah"]),
                ["timezone"] = "Asia/Tokyo",
            };
            messages.Add(Message(MessageType.Identify, user, null, $"demo-journey-identify-{user}", when) with { TraitsJson = traits.ToJsonString() });
            messages.Add(Message(MessageType.Track, user, "Signed Up", $"demo-journey-signup-{user}", when.AddSeconds(1)) with { PropertiesJson = "{}" });
        }

        for (var i = 0; i < perDay * 2; i++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"cus_{rng.Next(1, customers + 1):D5}");
            var cart = string.Create(CultureInfo.InvariantCulture, $"cart-{day:D2}-{i:D3}");
            var product = DemoPeople.Pick(rng, DemoCatalog.Products);
            var quantity = rng.Next(1, 3);
            var when = at.AddMinutes(30 + (i * 3));
            var properties = new JsonObject
            {
                ["cart_id"] = cart,
                ["value"] = (product.Price ?? 0) * quantity,
                ["currency"] = DemoCatalog.Currency,
                ["products"] = new JsonArray(new JsonObject { ["product_id"] = product.ProductId, ["name"] = product.Name, ["quantity"] = quantity }),
            };
            messages.Add(Message(MessageType.Track, user, "Checkout Started", $"demo-journey-checkout-{cart}", when) with { PropertiesJson = properties.ToJsonString() });

            // Most carts are ordered within the hour; some after the reminder; the rest are left.
            var roll = rng.NextDouble();
            if (roll < 0.7)
            {
                messages.Add(Order(user, cart, product, quantity, when.AddMinutes(rng.Next(5, 50))));
            }
            else if (roll < 0.85)
            {
                messages.Add(Order(user, cart, product, quantity, when.AddMinutes(rng.Next(70, 180))));
            }
        }

        return [.. messages.OrderBy(m => m.Timestamp)];
    }

    private static IngestMessage Order(string user, string cart, Product product, int quantity, DateTimeOffset at)
    {
        var orderId = "DJ-" + cart;
        var subtotal = (product.Price ?? 0) * quantity;
        var order = new OrderEvent(OrderEventKind.Completed, orderId, subtotal, DemoCatalog.Currency, 0, 0, 0, null,
            [new OrderLine(product.ProductId, product.Sku, product.Name, product.Category, product.Price ?? 0, quantity)]);
        var properties = new JsonObject { ["order_id"] = orderId, ["cart_id"] = cart, ["total"] = subtotal, ["currency"] = DemoCatalog.Currency };
        var message = Message(MessageType.Track, user, CommerceEvents.Name(OrderEventKind.Completed), $"demo-journey-order-{orderId}", at);
        return message with { PropertiesJson = properties.ToJsonString(), Order = order };
    }

    private static IngestMessage Message(MessageType type, string user, string? name, string id, DateTimeOffset at) => new()
    {
        Type = type,
        MessageId = id,
        UserId = user,
        Name = name,
        Timestamp = at,
        ReceivedAt = at,
    };
}
