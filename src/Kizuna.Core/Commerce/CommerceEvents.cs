using System.Globalization;
using System.Text.Json;
using Kizuna.Ingestion;

namespace Kizuna.Commerce;

/// <summary>
/// The e-commerce spec v2 events that change orders, read from a track call's properties:
/// <c>order_id</c>, <c>total</c> (else <c>revenue</c>, else the sum of the lines), <c>currency</c>, <c>discount</c>,
/// <c>shipping</c>, <c>tax</c>, <c>coupon</c> and <c>products[]</c> (<c>product_id</c>, <c>sku</c>, <c>name</c>,
/// <c>category</c>, <c>price</c>, <c>quantity</c>).
/// </summary>
public static class CommerceEvents
{
    public const string OrderCompleted = "Order Completed";
    public const string OrderRefunded = "Order Refunded";
    public const string OrderCancelled = "Order Cancelled";

    /// <summary>The largest amount an order, line, refund or adjustment may state: no real order comes near it, and sums stay exact enough and finite.</summary>
    public const double MaxAmount = 1e12;

    /// <summary>The largest quantity a line may state.</summary>
    public const double MaxQuantity = 1e6;

    /// <summary>What a refused amount is told, wherever amounts come in (tracking, import, the product API).</summary>
    public static readonly string AmountRule = RangeRule(MaxAmount);

    /// <summary>Whether <paramref name="value"/> is an amount Kizuna stores: 0 to <see cref="MaxAmount"/>; NaN and infinities are not.</summary>
    public static bool IsAmount(double value) => InRange(value, MaxAmount);

    public static OrderEventKind? Kind(string eventName) => eventName switch
    {
        OrderCompleted => OrderEventKind.Completed,
        OrderRefunded => OrderEventKind.Refunded,
        OrderCancelled => OrderEventKind.Cancelled,
        _ => null,
    };

    /// <summary>The order the properties describe, or the field that is wrong and why.</summary>
    public static (OrderEvent? Order, (string Field, string Reason)? Error) Parse(OrderEventKind kind, JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return (null, ("order_id", "is required: the properties must name the order"));
        }

        var orderId = properties.TryGetProperty("order_id", out var id) ? SegmentParser.Id(id) : null;
        if (orderId is null && SegmentParser.IdProblem(id) is { } idProblem)
        {
            return (null, ("order_id", idProblem));
        }

        if (orderId is null)
        {
            return (null, ("order_id", $"is required for {Name(kind)}"));
        }

        var lines = new List<OrderLine>();
        if (properties.TryGetProperty("products", out var products) && products.ValueKind != JsonValueKind.Null)
        {
            if (products.ValueKind != JsonValueKind.Array)
            {
                return (null, ("products", "must be an array of products"));
            }

            var i = 0;
            foreach (var product in products.EnumerateArray())
            {
                if (product.ValueKind != JsonValueKind.Object)
                {
                    return (null, ($"products[{i}]", "must be an object"));
                }

                if (Number(product, "price", MaxAmount, out var price) is { } priceError)
                {
                    return (null, ($"products[{i}].price", priceError));
                }

                if (Number(product, "quantity", MaxQuantity, out var quantity) is { } quantityError)
                {
                    return (null, ($"products[{i}].quantity", quantityError));
                }

                lines.Add(new OrderLine(
                    (product.TryGetProperty("product_id", out var pid) ? SegmentParser.Id(pid) : null)
                        ?? (product.TryGetProperty("id", out var pid2) ? SegmentParser.Id(pid2) : null),
                    SegmentParser.Text(product, "sku"),
                    SegmentParser.Text(product, "name"),
                    SegmentParser.Text(product, "category"),
                    price ?? 0,
                    quantity ?? 1));
                i++;
            }
        }

        (string Field, string Reason)? error = null;
        double? Amount(string field)
        {
            if (Number(properties, field, MaxAmount, out var value) is { } reason)
            {
                error ??= (field, reason);
            }

            return value;
        }

        var (total, revenue, discount, shipping, tax) = (Amount("total"), Amount("revenue"), Amount("discount"), Amount("shipping"), Amount("tax"));
        if (error is not null)
        {
            return (null, error);
        }

        var amount = total ?? revenue ?? (kind == OrderEventKind.Completed ? lines.Sum(l => l.Price * l.Quantity) : null);
        if (amount > MaxAmount)
        {
            return (null, ("products", string.Create(CultureInfo.InvariantCulture, $"add up to {amount:N0}; an order's total must be at most {MaxAmount:N0}")));
        }

        return (new OrderEvent(kind, orderId, amount, SegmentParser.Text(properties, "currency")?.ToUpperInvariant(),
            discount ?? 0, shipping ?? 0, tax ?? 0, SegmentParser.Text(properties, "coupon"), lines), null);
    }

    /// <summary>The spec's event name for an order change.</summary>
    public static string Name(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Completed => OrderCompleted,
        OrderEventKind.Refunded => OrderRefunded,
        _ => OrderCancelled,
    };

    /// <summary>Reads an optional number from 0 to <paramref name="max"/> (numeric strings are accepted); returns an error text when it is not one.</summary>
    private static string? Number(JsonElement element, string name, double max, out double? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // 1e400 reads as infinity and "NaN" parses: neither is an amount, and the comparison below refuses both.
        var number = v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        if (InRange(number, max))
        {
            value = number;
            return null;
        }

        return RangeRule(max);
    }

    private static bool InRange(double value, double max) => value >= 0 && value <= max;   // false for NaN

    private static string RangeRule(double max) => string.Create(CultureInfo.InvariantCulture, $"must be a number from 0 to {max:N0}");
}
