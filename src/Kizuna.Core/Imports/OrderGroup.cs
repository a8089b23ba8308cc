using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>The consecutive lines of one order (or one cancellation) read so far.</summary>
internal sealed class OrderGroup(string orderId, string userId, DateTimeOffset timestamp, string? currency, bool isCancellation, string? originalOrderId)
{
    public string OrderId { get; } = orderId;

    public string UserId { get; } = userId;

    public DateTimeOffset Timestamp { get; } = timestamp;

    public string? Currency { get; } = currency;

    public bool IsCancellation { get; } = isCancellation;

    public string? OriginalOrderId { get; } = originalOrderId;

    public List<OrderLine> Lines { get; } = [];

    /// <summary>Σ price × quantity of the lines so far, unrounded.</summary>
    public decimal Amount { get; private set; }

    public void Add(OrderLine line)
    {
        Lines.Add(line);
        Amount += line.Price * line.Quantity;
    }

    /// <summary>Σ price × quantity, exact.</summary>
    public decimal Total => Money.Round(Lines.Sum(l => l.Price * l.Quantity));
}
