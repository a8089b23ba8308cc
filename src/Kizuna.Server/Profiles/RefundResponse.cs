using Kizuna.Commerce;

namespace Kizuna.Server.Profiles;

/// <summary>
/// A refund or cancellation of the customer. <c>matched</c> is false when no stored order has <c>orderId</c>: the
/// refund changed no order and no spend (an imported return of something bought before the file began, or a
/// refund sent before its order), and is listed so its amount is not lost.
/// </summary>
public sealed record RefundResponse(
    Guid EventId,
    string Kind,
    string OrderId,
    string? RefundId,
    bool Matched,
    decimal? Amount,
    string? Currency,
    DateTimeOffset RefundedAt,
    IReadOnlyList<RefundLineResponse> Lines)
{
    public static RefundResponse From(Refund refund) => new(
        refund.EventId, refund.Kind, refund.OrderId, refund.RefundId, refund.Matched, refund.Amount, refund.Currency, refund.RefundedAt,
        [.. refund.Lines.Select(l => new RefundLineResponse(l.ProductId, l.Sku, l.Name, l.Category, (decimal)l.Price, (decimal)l.Quantity))]);
}
