using Kizuna.Campaigns.Reports;

namespace Kizuna.Journeys;

/// <summary>A split path against its node's control path on the journey's goal: the campaigns' comparison (difference of conversion rates, its 95% interval, the two-proportion z-test).</summary>
public sealed record PathUplift(string Node, VariantComparison Comparison);
