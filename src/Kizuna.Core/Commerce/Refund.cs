namespace Kizuna.Commerce;

/// <summary>
/// A refund or cancellation a customer received, as its <c>Order Refunded</c> / <c>Order Cancelled</c> event
/// stated it. <see cref="Matched"/> says whether <see cref="OrderId"/> names a stored order (whose status and net
/// total then reflect it); an unmatched refund changed no order and no spend, and is kept so its amount is seen.
/// </summary>
/// <param name="EventId">The refund event.</param>
/// <param name="Kind"><c>refunded</c> or <c>cancelled</c>.</param>
/// <param name="OrderId">The order the event names.</param>
/// <param name="RefundId">The refund's own reference (an imported cancellation invoice), when it has one.</param>
/// <param name="Matched">Whether an order with <see cref="OrderId"/> is stored.</param>
/// <param name="Amount">The amount refunded; null when the event refunds (or cancels) the whole order.</param>
/// <param name="Currency">ISO 4217 code of <see cref="Amount"/>.</param>
/// <param name="RefundedAt">When it happened.</param>
/// <param name="Lines">The products returned, when the event lists them.</param>
public sealed record Refund(
    Guid EventId,
    string Kind,
    string OrderId,
    string? RefundId,
    bool Matched,
    decimal? Amount,
    string? Currency,
    DateTimeOffset RefundedAt,
    IReadOnlyList<OrderLine> Lines);
