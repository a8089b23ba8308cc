namespace Kizuna.Commerce;

/// <summary>The part of a stored order that refunds and cancellations read and change.</summary>
public sealed record StoredOrder(string OrderId, long ProfileId, string? Currency, string Status, decimal Total, decimal Refunded);
