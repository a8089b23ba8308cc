using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>A variant against the first on the test's metric: the difference, its interval, the p-value and the verdict in words.</summary>
public sealed record VariantComparisonResponse(string Variant, string Against, string Metric, double Difference, double Low, double High, double PValue, bool Significant, string Summary)
{
    public static VariantComparisonResponse From(VariantComparison c) => new(
        c.Variant, c.Against, CampaignInputs.Name(c.Metric), c.Difference, c.Low, c.High, c.PValue, c.Significant, c.Summary);
}
