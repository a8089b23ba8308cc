using System.ComponentModel.DataAnnotations;

namespace Kizuna.Imports;

/// <summary>Buffering of CSV imports. Bound from the <c>Imports</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// Most order lines held in memory for orders whose last line has not been read yet. Past it, the lines held
    /// are written to a temporary file and read back when their order is complete, so an order's lines may lie
    /// anywhere in the file while memory stays bounded (100,000 lines are about 20 MB).
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxHeldOrderLines { get; set; } = 100_000;
}
