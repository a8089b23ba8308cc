using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Commerce;
using Kizuna.Profiles;

namespace Kizuna.Templates.Customers;

/// <summary>
/// Maps a stored profile and order to the names marketers write (<c>customer.first_name</c>, <c>order.lines</c>).
/// Kept narrow on purpose: every name here is a promise to templates already sent; anything else is in
/// <c>customer.traits</c>.
/// </summary>
internal static class CustomerModel
{
    public static JsonObject From(Profile profile, TimeZoneInfo? zone, string? locale)
    {
        var traits = profile.Traits;
        var first = ProfileNames.First(traits);
        var last = ProfileNames.Last(traits);
        var aggregates = profile.Aggregates;
        return new JsonObject
        {
            ["id"] = profile.Id,
            ["user_id"] = profile.UserId,
            ["email"] = profile.Email,
            ["first_name"] = first,
            ["last_name"] = last,
            ["name"] = ProfileNames.Name(traits, locale),
            ["traits"] = traits.DeepClone(),
            ["timezone"] = zone?.Id,
            ["locale"] = locale,
            ["orders_count"] = aggregates.Orders,
            ["total_spent"] = aggregates.TotalSpent,
            ["currency"] = aggregates.Currency,
            ["average_order_value"] = aggregates.AverageOrderValue,
            ["spend"] = new JsonArray([.. aggregates.Spend.Select(s => (JsonNode)new JsonObject
            {
                ["currency"] = s.Currency,
                ["orders_count"] = s.Orders,
                ["total_spent"] = s.Total,
                ["average_order_value"] = s.AverageOrderValue,
            })]),
            ["last_order_at"] = Time(aggregates.LastOrderAt, zone),
            ["first_seen"] = Time(aggregates.FirstSeen, zone),
            ["last_seen"] = Time(aggregates.LastSeen, zone),
        };
    }

    /// <summary>
    /// Adds the profile's computed values: every one under <c>customer.values.name</c> (with
    /// <c>customer.values_computed_at.name</c>), and as <c>customer.name</c> unless a profile field of that name
    /// exists. Profile fields win so that a feature writing a value can never change what a sent template means.
    /// </summary>
    public static void AddValues(JsonObject customer, IReadOnlyList<ProfileValue> values, TimeZoneInfo? zone)
    {
        var all = new JsonObject();
        var computedAt = new JsonObject();
        customer["values"] = all;
        customer["values_computed_at"] = computedAt;
        foreach (var value in values)
        {
            all[value.Name] = ValueNode(value);
            computedAt[value.Name] = Time(value.ComputedAt, zone);
            if (!customer.ContainsKey(value.Name))
            {
                customer[value.Name] = ValueNode(value);
            }
        }
    }

    public static JsonObject FromOrder(Order order, TimeZoneInfo? zone)
    {
        var lines = new JsonArray([.. order.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["product_id"] = l.ProductId,
            ["sku"] = l.Sku,
            ["name"] = l.Name,
            ["category"] = l.Category,
            ["price"] = l.Price,
            ["quantity"] = l.Quantity,
        })]);
        return new JsonObject
        {
            ["id"] = order.OrderId,
            ["status"] = order.Status,
            ["currency"] = order.Currency,
            ["total"] = order.Total,
            ["discount"] = order.Discount,
            ["shipping"] = order.Shipping,
            ["tax"] = order.Tax,
            ["coupon"] = order.Coupon,
            ["placed_at"] = Time(order.PlacedAt, zone),
            ["lines"] = lines,
            ["line_items"] = lines.DeepClone(),
        };
    }

    // Decimal so amounts print as stored (1234.5, not 1234.4999999); NaN and infinities cannot be decimals.
    private static JsonNode? ValueNode(ProfileValue value) => value.Number switch
    {
        { } n when double.IsFinite(n) && Math.Abs(n) < 7.9e27 => JsonValue.Create((decimal)n),
        { } n => JsonValue.Create(n),
        null => value.Text is null ? null : JsonValue.Create(value.Text),
    };

    // In the customer's zone with its offset, so `date` without a zone shows the customer's local time.
    private static string? Time(DateTimeOffset? time, TimeZoneInfo? zone) => time is { } t
        ? TimeZoneInfo.ConvertTime(t, zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : null;
}
