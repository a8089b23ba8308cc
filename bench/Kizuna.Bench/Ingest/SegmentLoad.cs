using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kizuna.Bench.Ingest;

/// <summary>
/// A shop's traffic, generated up front so that the load generator spends its time sending: product views,
/// page views, identifies and orders over a population of profiles, every message with a unique messageId.
/// Traffic comes in visits, as a shop's does: <c>active</c> visitors browse at a time, each for 5–25 events, and a
/// finished visit is replaced by one from a random profile of the population. A customer's context (locale, time
/// zone, address, browser) is the same on every event, as a real customer's is. With <c>active</c> 0 every event
/// comes from a random profile — the worst case for a store, since nearly every event then touches a new page.
/// </summary>
public static class SegmentLoad
{
    private static readonly string[] Products = [.. Enumerable.Range(1, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"p-{i:D4}"))];
    private static readonly string[] Pages = ["Home", "Category", "Product", "Cart", "Checkout", "Search"];

    public static IReadOnlyList<BenchEvent> Generate(string run, int count, int profiles, int active, int seed, bool tracksOnly = false)
    {
        var random = new Random(seed);
        var visits = new (int Profile, int Left)[Math.Max(active, 0)];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var events = new BenchEvent[count];
        for (var i = 0; i < count; i++)
        {
            var visitor = NextVisitor(random, visits, profiles);
            var user = string.Create(CultureInfo.InvariantCulture, $"u{visitor}");
            var japanese = visitor % 3 == 0;
            var ts = start + (long)i * 50;
            var messageId = string.Create(CultureInfo.InvariantCulture, $"{run}-{i}");
            var roll = tracksOnly ? (random.Next(10) == 0 ? 99 : 0) : random.Next(100);
            var context = new JsonObject
            {
                ["library"] = new JsonObject { ["name"] = "analytics.js", ["version"] = "5.2.0" },
                ["ip"] = string.Create(CultureInfo.InvariantCulture, $"203.0.113.{1 + (visitor % 254)}"),
                ["locale"] = japanese ? "ja-JP" : "en-GB",
                ["timezone"] = japanese ? "Asia/Tokyo" : "Europe/London",
                ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
            };
            var (type, name, properties, traits) = roll switch
            {
                < 55 => ("track", "Product Viewed", ProductViewed(random), (JsonObject?)null),
                < 85 => ("page", Pages[random.Next(Pages.Length)], new JsonObject { ["path"] = "/p", ["url"] = "https://shop.example/p", ["referrer"] = "https://search.example/" }, null),
                < 95 => ("identify", null, null, new JsonObject { ["email"] = user + "@example.test", ["name"] = "Customer " + user, ["plan"] = random.Next(4) == 0 ? "gold" : "basic" }),
                _ => ("track", "Order Completed", OrderCompleted(random, messageId), null),
            };
            var message = new JsonObject
            {
                ["type"] = type,
                ["messageId"] = messageId,
                ["userId"] = user,
                ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(ts).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["context"] = context,
            };
            if (type == "track")
            {
                message["event"] = name;
            }
            else if (type == "page")
            {
                message["name"] = name;
            }

            if (properties is not null)
            {
                message["properties"] = properties.DeepClone();
            }

            if (traits is not null)
            {
                message["traits"] = traits;
            }

            events[i] = new BenchEvent(messageId, type, name, user, ts, message.ToJsonString(), (properties ?? traits)?.ToJsonString(), context.ToJsonString());
        }

        return events;
    }

    private static int NextVisitor(Random random, (int Profile, int Left)[] visits, int profiles)
    {
        if (visits.Length == 0)
        {
            return random.Next(profiles);
        }

        var slot = random.Next(visits.Length);
        if (visits[slot].Left <= 0)
        {
            visits[slot] = (random.Next(profiles), random.Next(5, 26));
        }

        visits[slot].Left--;
        return visits[slot].Profile;
    }

    /// <summary>Batch bodies of <see cref="IngestOptions.BatchSize"/> messages, UTF-8 encoded.</summary>
    public static IReadOnlyList<byte[]> Batches(IReadOnlyList<BenchEvent> events) =>
        [.. events.Chunk(IngestOptions.BatchSize).Select(chunk =>
            Encoding.UTF8.GetBytes("{\"batch\":[" + string.Join(',', chunk.Select(e => e.Json)) + "]}"))];

    private static JsonObject ProductViewed(Random random)
    {
        var product = Products[random.Next(Products.Length)];
        return new JsonObject { ["product_id"] = product, ["sku"] = "SKU-" + product, ["category"] = "Tea", ["price"] = 5 + random.Next(4000) / 100.0, ["currency"] = "EUR" };
    }

    private static JsonObject OrderCompleted(Random random, string orderId)
    {
        var lines = new JsonArray();
        var total = 0.0;
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var price = 5 + random.Next(4000) / 100.0;
            var quantity = 1 + random.Next(2);
            total += price * quantity;
            lines.Add(new JsonObject { ["product_id"] = Products[random.Next(Products.Length)], ["price"] = price, ["quantity"] = quantity, ["category"] = "Tea" });
        }

        return new JsonObject { ["order_id"] = "o-" + orderId, ["total"] = Math.Round(total, 2), ["revenue"] = Math.Round(total, 2), ["currency"] = "EUR", ["products"] = lines };
    }
}
