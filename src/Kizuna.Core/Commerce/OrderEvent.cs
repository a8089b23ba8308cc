namespace Kizuna.Commerce;

/// <summary>
/// An order as an e-commerce event describes it. For <c>Order Completed</c> <see cref="Total"/> is what the
/// customer paid; for <c>Order Refunded</c> it is the amount refunded (null: all of it).
/// </summary>
public sealed record OrderEvent(
    OrderEventKind Kind,
    string OrderId,
    decimal? Total,
    string? Currency,
    decimal Discount,
    decimal Shipping,
    decimal Tax,
    string? Coupon,
    IReadOnlyList<OrderLine> Lines);
