using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Demo;

/// <summary>
/// The timeline of one demo customer, oldest first: an anonymous first visit that identifies at sign-up, later
/// sessions of page and product views, carts (many abandoned), orders, the odd refund, and for some a second
/// device that browses anonymously before logging in, so the two profiles merge.
/// </summary>
internal sealed class DemoBehaviour(Random rng, DemoPersona persona, DateTimeOffset now)
{
    private readonly List<IngestMessage> _messages = [];
    private int _sequence;
    private int _orders;
    private string? _userId;
    private string _anonymousId = "";
    private JsonObject? _campaign;

    public List<IngestMessage> Generate()
    {
        // The first visit, anonymous, up to ten days before signing up.
        _anonymousId = NewAnonymousId();
        Session(persona.CreatedAt.AddDays(-rng.Next(0, 10)).AddHours(-rng.Next(1, 12)), identifyAtEnd: true);

        var times = Enumerable.Range(1, persona.Sessions - 1)
            .Select(_ => persona.CreatedAt + ((now - persona.CreatedAt) * rng.NextDouble()))
            .Order()
            .ToList();
        var secondDevice = rng.NextDouble() < 0.15 && times.Count > 1 ? rng.Next(1, times.Count) : -1;
        for (var i = 0; i < times.Count; i++)
        {
            if (i == secondDevice)
            {
                _userId = null;
                _anonymousId = NewAnonymousId();
                Session(times[i], identifyAtEnd: true);
            }
            else
            {
                Session(times[i], identifyAtEnd: false);
            }
        }

        return _messages;
    }

    private void Session(DateTimeOffset start, bool identifyAtEnd)
    {
        var t = start;
        _campaign = DemoCampaigns.Maybe(rng);
        Page(t, "Home", "/");
        var interest = DemoPeople.Pick(rng, DemoCatalog.Products).Category!;
        var viewed = DemoCatalog.Products.Where(p => p.Category == interest).OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
        if (rng.NextDouble() < 0.3)
        {
            viewed.Add(DemoPeople.Pick(rng, DemoCatalog.Products));
        }

        t = Page(t.AddSeconds(rng.Next(10, 90)), interest, $"/collections/{interest.ToLowerInvariant()}");
        foreach (var product in viewed)
        {
            t = t.AddSeconds(rng.Next(20, 240));
            Track(t, "Product Viewed", ProductProperties(product));
        }

        if (identifyAtEnd)
        {
            // Signing up (or logging in on a new device) ties the anonymous visit to the customer.
            _userId = persona.UserId;
            Identify(t.AddSeconds(rng.Next(30, 120)));
        }

        if (_userId is null || rng.NextDouble() >= persona.BuyRate * 1.8)
        {
            return;
        }

        var cart = viewed.Take(rng.Next(1, 3)).Select(p => new OrderLine(p.ProductId, p.Sku, p.Name, p.Category, p.Price ?? 0, rng.Next(1, 3))).ToList();
        foreach (var line in cart)
        {
            t = t.AddSeconds(rng.Next(10, 120));
            var properties = ProductProperties(DemoCatalog.Products.First(p => p.ProductId == line.ProductId));
            properties["quantity"] = line.Quantity;
            Track(t, "Product Added", properties);
        }

        var subtotal = cart.Sum(l => l.Price * l.Quantity);
        t = t.AddSeconds(rng.Next(10, 120));
        Track(t, "Cart Viewed", new JsonObject { ["value"] = subtotal, ["currency"] = DemoCatalog.Currency, ["item_count"] = cart.Count });
        if (rng.NextDouble() >= 0.75)
        {
            return;
        }

        var orderId = $"D{persona.Index + 1:D5}-{++_orders:D3}";
        var shipping = subtotal >= 5_000 ? 0m : 550m;
        t = t.AddSeconds(rng.Next(30, 180));
        Track(t, "Checkout Started", new JsonObject { ["order_id"] = orderId, ["value"] = subtotal, ["currency"] = DemoCatalog.Currency });
        if (rng.NextDouble() >= 0.55)
        {
            return;
        }

        var order = new OrderEvent(OrderEventKind.Completed, orderId, subtotal + shipping, DemoCatalog.Currency, 0, shipping, 0, null, cart);
        Order(t.AddSeconds(rng.Next(60, 300)), order);
        var refundedAt = t.AddDays(rng.Next(3, 15));
        if (rng.NextDouble() < 0.04 && refundedAt < now)
        {
            Order(refundedAt, order with { Kind = OrderEventKind.Refunded, Lines = [] });
        }
    }

    private DateTimeOffset Page(DateTimeOffset t, string name, string path)
    {
        Add(new IngestMessage
        {
            Type = MessageType.Page,
            MessageId = NextId(),
            Name = name,
            PropertiesJson = new JsonObject { ["path"] = path, ["title"] = $"{name} | Kizuna Shop", ["url"] = $"https://shop.kizuna.example{path}" }.ToJsonString(),
            Timestamp = t,
            ReceivedAt = t,
        });
        return t;
    }

    private void Track(DateTimeOffset t, string name, JsonObject properties) => Add(new IngestMessage
    {
        Type = MessageType.Track,
        MessageId = NextId(),
        Name = name,
        PropertiesJson = properties.ToJsonString(),
        Timestamp = t,
        ReceivedAt = t,
    });

    private void Order(DateTimeOffset t, OrderEvent order) => Add(new IngestMessage
    {
        Type = MessageType.Track,
        MessageId = NextId(),
        Name = CommerceEvents.Name(order.Kind),
        PropertiesJson = new JsonObject
        {
            ["order_id"] = order.OrderId,
            ["total"] = order.Total,
            ["shipping"] = order.Shipping,
            ["currency"] = order.Currency,
        }.ToJsonString(),
        Timestamp = t,
        ReceivedAt = t,
        Order = order,
    });

    private void Identify(DateTimeOffset t) => Add(new IngestMessage
    {
        Type = MessageType.Identify,
        MessageId = NextId(),
        TraitsJson = new JsonObject
        {
            ["email"] = persona.Email,
            ["name"] = persona.DisplayName,
            ["firstName"] = persona.FirstName,
            ["lastName"] = persona.LastName,
            ["gender"] = persona.Gender,
            ["birthday"] = persona.Birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["age"] = Age(persona.Birthday),
            ["city"] = persona.City,
            ["country"] = persona.Country,
            ["locale"] = persona.Locale,
            ["timezone"] = persona.Timezone,
            ["createdAt"] = persona.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString(),
        Timestamp = t,
        ReceivedAt = t,
    });

    private void Add(IngestMessage message)
    {
        var context = new JsonObject { ["timezone"] = persona.Timezone, ["locale"] = persona.Locale };
        if (_campaign is not null)
        {
            context["campaign"] = _campaign.DeepClone();
        }

        _messages.Add(message with
        {
            UserId = _userId,
            AnonymousId = _anonymousId,
            ContextJson = context.ToJsonString(),
            Context = new ProfileContext(persona.Timezone, persona.Locale, null, _campaign?.ToJsonString(), null),
        });
    }

    private int Age(DateOnly birthday)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return today.Year - birthday.Year - (today < birthday.AddYears(today.Year - birthday.Year) ? 1 : 0);
    }

    private string NextId() => $"demo:{persona.UserId}:{++_sequence}";

    private string NewAnonymousId() => new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256))]).ToString();

    private static JsonObject ProductProperties(Product p) => new()
    {
        ["product_id"] = p.ProductId,
        ["sku"] = p.Sku,
        ["name"] = p.Name,
        ["category"] = p.Category,
        ["price"] = p.Price,
        ["currency"] = p.Currency,
        ["url"] = p.Url,
    };
}
