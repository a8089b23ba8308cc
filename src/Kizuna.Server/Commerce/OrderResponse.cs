using Kizuna.Commerce;

namespace Kizuna.Server.Commerce;

/// <summary>
/// An order as the admin API returns it. <c>status</c> is completed, refunded, partially_refunded or cancelled;
/// <c>netTotal</c> is what the order still counts for in the customer's spend.
/// </summary>
public sealed record OrderResponse(
    string OrderId,
    long ProfileId,
    string Status,
    string? Currency,
    decimal Total,
    decimal RefundedAmount,
    decimal Discount,
    decimal Shipping,
    decimal Tax,
    decimal NetTotal,
    string? Coupon,
    DateTimeOffset PlacedAt,
    IReadOnlyList<OrderLineResponse> Lines)
{
    public static OrderResponse From(Order order) => new(
        order.OrderId,
        order.ProfileId,
        order.Status,
        order.Currency,
        order.Total,
        order.RefundedAmount,
        order.Discount,
        order.Shipping,
        order.Tax,
        order.NetTotal,
        order.Coupon,
        order.PlacedAt,
        [.. order.Lines.Select(OrderLineResponse.From)]);
}
