namespace Kizuna.Commerce;

/// <summary>A stored order with its lines. <see cref="Status"/> is completed, refunded, partially_refunded or cancelled.</summary>
public sealed record Order(
    string OrderId,
    long ProfileId,
    string Status,
    string? Currency,
    double Total,
    double RefundedAmount,
    double Discount,
    double Shipping,
    double Tax,
    string? Coupon,
    DateTimeOffset PlacedAt,
    IReadOnlyList<OrderLine> Lines)
{
    /// <summary>What the order still counts for in the customer's spend.</summary>
    public double NetTotal => Status == "cancelled" ? 0 : Math.Max(0, Total - RefundedAmount);
}
