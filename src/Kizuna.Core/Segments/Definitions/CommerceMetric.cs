namespace Kizuna.Segments.Definitions;

/// <summary>Per-profile commerce figures, in the profile's main currency.</summary>
public enum CommerceMetric
{
    OrderCount,
    TotalSpent,
    AverageOrderValue,
    FirstOrderAt,
    LastOrderAt,
}
