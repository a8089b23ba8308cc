namespace Kizuna.Commerce;

/// <summary>An order event of the transaction being written, with the profile it belongs to (merges re-point it).</summary>
internal sealed record PendingOrder(long WorkspaceId, long ProfileId, long Ts, OrderEvent Order)
{
    public long ProfileId { get; set; } = ProfileId;
}
