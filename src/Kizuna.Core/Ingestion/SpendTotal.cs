using Kizuna.Commerce;

namespace Kizuna.Ingestion;

/// <summary>A profile's spend in one currency as the batch writer folds it: open orders, net total, first and last order.</summary>
internal sealed record SpendTotal(long Orders, decimal Total, long? FirstOrderAt, long? LastOrderAt)
{
    public static readonly SpendTotal Empty = new(0, 0, null, null);

    /// <summary>Whether it changed in this transaction and must be written.</summary>
    public bool Dirty { get; init; }

    public SpendTotal With(SpendChange change) => new(
        Math.Max(0, Orders + change.Orders),
        Math.Max(0, Total + change.Amount),
        change.PlacedAt is { } p ? Math.Min(FirstOrderAt ?? p, p) : FirstOrderAt,
        change.PlacedAt is { } q ? Math.Max(LastOrderAt ?? q, q) : LastOrderAt)
    { Dirty = true };
}
