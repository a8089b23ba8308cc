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
        var first = Trait(traits, "firstName", "first_name");
        var last = Trait(traits, "lastName", "last_name");
        var aggregates = profile.Aggregates;
        return new JsonObject
        {
            ["id"] = profile.Id,
            ["user_id"] = profile.UserId,
            ["email"] = profile.Email,
            ["first_name"] = first,
            ["last_name"] = last,
            ["name"] = Trait(traits, "name") ?? FullName(first, last, locale),
            ["traits"] = traits.DeepClone(),
            ["timezone"] = zone?.Id,
            ["locale"] = locale,
            ["orders_count"] = aggregates.Orders,
            ["total_spent"] = Money(aggregates.TotalSpent),
            ["average_order_value"] = Money(aggregates.AverageOrderValue),
            ["last_order_at"] = Time(aggregates.LastOrderAt, zone),
            ["first_seen"] = Time(aggregates.FirstSeen, zone),
            ["last_seen"] = Time(aggregates.LastSeen, zone),
        };
    }

    public static JsonObject FromOrder(Order order, TimeZoneInfo? zone)
    {
        var lines = new JsonArray([.. order.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["product_id"] = l.ProductId,
            ["sku"] = l.Sku,
            ["name"] = l.Name,
            ["category"] = l.Category,
            ["price"] = Money(l.Price),
            ["quantity"] = Money(l.Quantity),
        })]);
        return new JsonObject
        {
            ["id"] = order.OrderId,
            ["status"] = order.Status,
            ["currency"] = order.Currency,
            ["total"] = Money(order.Total),
            ["discount"] = Money(order.Discount),
            ["shipping"] = Money(order.Shipping),
            ["tax"] = Money(order.Tax),
            ["coupon"] = order.Coupon,
            ["placed_at"] = Time(order.PlacedAt, zone),
            ["lines"] = lines,
            ["line_items"] = lines.DeepClone(),
        };
    }

    private static string? Trait(JsonObject traits, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (ProfileTemplateDataSource.Text(traits, key) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    // Japanese names are written family name first.
    private static string? FullName(string? first, string? last, string? locale) =>
        first is null || last is null ? first ?? last
        : locale?.StartsWith("ja", StringComparison.OrdinalIgnoreCase) == true ? $"{last} {first}"
        : $"{first} {last}";

    // Decimal keeps the written scale (12800 prints as 12800, not 12800.0) and rounds away binary noise.
    private static decimal Money(double value) => Math.Round((decimal)value, 4);

    // In the customer's zone with its offset, so `date` without a zone shows the customer's local time.
    private static string? Time(DateTimeOffset? time, TimeZoneInfo? zone) => time is { } t
        ? TimeZoneInfo.ConvertTime(t, zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : null;
}
