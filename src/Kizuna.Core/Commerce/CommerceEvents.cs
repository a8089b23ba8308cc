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

    /// <summary>The largest amount an order, line, refund or adjustment may state: no real order comes near it.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The largest quantity a line may state.</summary>
    public const decimal MaxQuantity = 1_000_000m;

    /// <summary>What a refused amount is told, wherever amounts come in (tracking, import, the product API).</summary>
    public static readonly string AmountRule = RangeRule(MaxAmount);

    /// <summary>Whether <paramref name="value"/> is an amount Kizuna stores: 0 to <see cref="MaxAmount"/>.</summary>
    public static bool IsAmount(decimal value) => InRange(value, MaxAmount);

    public static OrderEventKind? Kind(string eventName) => eventName switch
    {
        OrderCompleted => OrderEventKind.Completed,
        OrderRefunded => OrderEventKind.Refunded,
        OrderCancelled => OrderEventKind.Cancelled,
        _ => null,
    };

    /// <summary>
    /// The order the properties describe, or the field that is wrong and why (the message is refused), or, when the
    /// properties name no order at all, why the order was skipped (the event is still stored as behaviour).
    /// </summary>
    public static (OrderEvent? Order, (string Field, string Reason)? Error, (string Field, string Reason)? Skipped) Parse(OrderEventKind kind, JsonElement properties)
    {
        var id = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("order_id", out var value) ? value : default;
        var orderId = SegmentParser.Id(id);
        if (orderId is null && SegmentParser.IdProblem(id) is { } idProblem)
        {
            return (null, ("order_id", idProblem), null);
        }

        if (orderId is null)
        {
            return (null, null, ("order_id", $"is missing: the {Name(kind)} event was stored, but no order was recorded or changed"));
        }

        var lines = new List<OrderLine>();
        if (properties.TryGetProperty("products", out var products) && products.ValueKind != JsonValueKind.Null)
        {
            if (products.ValueKind != JsonValueKind.Array)
            {
                return (null, ("products", "must be an array of products"), null);
            }

            var i = 0;
            foreach (var product in products.EnumerateArray())
            {
                if (product.ValueKind != JsonValueKind.Object)
                {
                    return (null, ($"products[{i}]", "must be an object"), null);
                }

                if (Number(product, "price", MaxAmount, out var price) is { } priceError)
                {
                    return (null, ($"products[{i}].price", priceError), null);
                }

                if (Number(product, "quantity", MaxQuantity, out var quantity) is { } quantityError)
                {
                    return (null, ($"products[{i}].quantity", quantityError), null);
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
        decimal? Amount(string field)
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
            return (null, error, null);
        }

        var amount = total ?? revenue ?? (kind == OrderEventKind.Completed ? Money.Round(lines.Sum(l => l.Price * l.Quantity)) : null);
        if (amount > MaxAmount)
        {
            return (null, ("products", string.Create(CultureInfo.InvariantCulture, $"add up to {amount:N0}; an order's total must be at most {MaxAmount:N0}")), null);
        }

        return (new OrderEvent(kind, orderId, amount, SegmentParser.Text(properties, "currency")?.ToUpperInvariant(),
            discount ?? 0, shipping ?? 0, tax ?? 0, SegmentParser.Text(properties, "coupon"), lines), null, null);
    }

    /// <summary>The spec's event name for an order change.</summary>
    public static string Name(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Completed => OrderCompleted,
        OrderEventKind.Refunded => OrderRefunded,
        _ => OrderCancelled,
    };

    /// <summary>
    /// Reads an optional number from 0 to <paramref name="max"/> (numeric strings are accepted) as the decimal it is
    /// written as, never through binary floating point, rounded to <see cref="Money.Scale"/> places; returns an
    /// error text when it is not one.
    /// </summary>
    private static string? Number(JsonElement element, string name, decimal max, out decimal? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // 1e400 and "NaN" are no decimal: both are refused with the range.
        decimal? number = v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
            JsonValueKind.String when ParseDecimal(v.GetString()) is { } parsed => parsed,
            _ => null,
        };
        if (number is { } n && InRange(Money.Round(n), max))
        {
            value = Money.Round(n);
            return null;
        }

        return RangeRule(max);
    }

    /// <summary>A number written in invariant notation (<c>10802.39</c>, <c>1e3</c>), exactly; null when it is not one.</summary>
    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool InRange(decimal value, decimal max) => value >= 0 && value <= max;

    private static string RangeRule(decimal max) => string.Create(CultureInfo.InvariantCulture, $"must be a number from 0 to {max:N0}");
}
