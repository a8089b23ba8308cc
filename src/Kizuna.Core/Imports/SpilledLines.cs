namespace Kizuna.Imports;

/// <summary>Where a chunk of an open order's lines lies in the <see cref="OrderLineSpill"/> file.</summary>
internal readonly record struct SpilledLines(long Offset, int Length);
