namespace Kizuna.Analytics.Metrics;

/// <summary>Purchases sliced by <see cref="Dimension"/> in one currency, most revenue first (at most <see cref="SliceReader.MaxRows"/> rows).</summary>
public sealed record SliceResult(SliceDimension Dimension, string? Trait, string? Currency, IReadOnlyList<SliceRow> Rows);
