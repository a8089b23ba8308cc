using System.ComponentModel.DataAnnotations;

namespace Kizuna.Segments;

/// <summary>How segment membership is kept current. Bound from the <c>Segments</c> configuration section.</summary>
public sealed class SegmentsOptions
{
    public const string Section = "Segments";

    /// <summary>Re-evaluate the profiles each committed change touched (off: memberships change by recomputes and sweeps only).</summary>
    public bool RealTime { get; set; } = true;

    /// <summary>
    /// How often segments with time windows ("not performed within 30 days", "last seen more than 7 days ago") and
    /// segments reading computed values are computed again, so members age out on time without acting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
