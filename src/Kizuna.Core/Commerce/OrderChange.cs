namespace Kizuna.Commerce;

/// <summary>A refund or cancellation applied: the order as it now is, the amount taken back, and whether it closed the order.</summary>
public sealed record OrderChange(StoredOrder Order, decimal Refund, bool Closed);
