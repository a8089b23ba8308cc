namespace Kizuna.Commerce;

/// <summary>A stored order with its lines. <see cref="Status"/> is completed, refunded, partially_refunded or cancelled.</summary>
public sealed record Order(
    string OrderId,
    long ProfileId,
    string Status,
    string? Currency,
    decimal Total,
    decimal RefundedAmount,
    decimal Discount,
    decimal Shipping,
    decimal Tax,
    string? Coupon,
    DateTimeOffset PlacedAt,
    IReadOnlyList<OrderLine> Lines)
{
    /// <summary>What the order still counts for in the customer's spend.</summary>
    public decimal NetTotal => OrderRules.Net(Status, Total, RefundedAmount);
}
