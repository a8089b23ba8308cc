using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Campaigns.Reports;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Messaging.Tracking;
using Kizuna.Storage;

namespace Kizuna.Demo;

/// <summary>
/// What the demo's customers do after a campaign message, as the shop's tracking would report it: opens and clicks
/// naming the message, and orders that name nothing (the report attributes them). Some customers order anyway,
/// message or not, the control included, so the uplift is the difference the message made. The same for a seed.
/// </summary>
internal static class DemoResponses
{
    private const double Anyway = 0.025;

    public static IEnumerable<IngestMessage> For(int seed, long campaignId, IReadOnlyList<DemoRates> rates, RecipientFact r, string userId)
    {
        var rng = new Random(unchecked((seed * 7_919) + (int)r.ProfileId));
        if (r.Status == "control")
        {
            if (rng.NextDouble() < Anyway)
            {
                yield return Order(rng, seed, r, userId, Epoch.FromMs(r.DueAt).AddMinutes(rng.Next(60, 60 * 60)));
            }

            yield break;
        }

        if (r.MessageId is not { } id || r.SentAt is not { } sentMs || r.Variant < 0 || r.Variant >= rates.Count)
        {
            yield break;
        }

        var rate = rates[(int)r.Variant];
        var sent = Epoch.FromMs(sentMs);
        var tracked = new JsonObject { ["message_id"] = id, ["campaign_id"] = campaignId, ["campaign_variant"] = r.Variant, ["channel"] = "email" };
        var ordered = false;
        if (rng.NextDouble() < rate.Open)
        {
            var opened = sent.AddMinutes(rng.Next(3, 18 * 60));
            yield return Track(userId, EngagementTracker.Opened, $"demo-open-{id}", opened, tracked);
            if (rng.NextDouble() < rate.Click)
            {
                var clicked = opened.AddMinutes(rng.Next(1, 40));
                var click = (JsonObject)tracked.DeepClone();
                click["url"] = "https://shop.kizuna.example/collections/tea";
                yield return Track(userId, EngagementTracker.Clicked, $"demo-click-{id}", clicked, click);
                if (rng.NextDouble() < rate.Order)
                {
                    ordered = true;
                    yield return Order(rng, seed, r, userId, clicked.AddMinutes(rng.Next(3, 50)));
                }
            }
        }

        if (!ordered && rng.NextDouble() < Anyway)
        {
            yield return Order(rng, seed, r, userId, sent.AddMinutes(rng.Next(60, 60 * 60)));
        }
    }

    private static IngestMessage Order(Random rng, int seed, RecipientFact r, string userId, DateTimeOffset at)
    {
        var product = DemoPeople.Pick(rng, DemoCatalog.Products);
        var quantity = rng.Next(1, 3);
        var subtotal = (product.Price ?? 0) * quantity;
        var shipping = subtotal >= 5_000 ? 0m : 550m;
        var orderId = string.Create(CultureInfo.InvariantCulture, $"DC{seed}-{r.Run}-{r.ProfileId}");
        var order = new OrderEvent(OrderEventKind.Completed, orderId, subtotal + shipping, DemoCatalog.Currency, 0, shipping, 0, null,
            [new OrderLine(product.ProductId, product.Sku, product.Name, product.Category, product.Price ?? 0, quantity)]);
        var properties = new JsonObject { ["order_id"] = orderId, ["total"] = order.Total, ["shipping"] = shipping, ["currency"] = DemoCatalog.Currency };
        return Track(userId, CommerceEvents.Name(OrderEventKind.Completed), $"demo-order-{orderId}", at, properties) with { Order = order };
    }

    private static IngestMessage Track(string userId, string name, string messageId, DateTimeOffset at, JsonObject properties) => new()
    {
        Type = MessageType.Track,
        MessageId = messageId,
        UserId = userId,
        Name = name,
        PropertiesJson = properties.ToJsonString(),
        Timestamp = at,
        ReceivedAt = at,
    };
}
