using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>One variant's results with the intervals of its open, click and conversion rates.</summary>
public sealed record VariantReportResponse(int Index, string Name, CampaignMetricsResponse Metrics, RateResponse OpenRate, RateResponse ClickRate, RateResponse ConversionRate)
{
    public static VariantReportResponse From(VariantReport v) => new(
        v.Index, v.Name, CampaignMetricsResponse.From(v.Metrics), RateResponse.From(v.OpenRate), RateResponse.From(v.ClickRate), RateResponse.From(v.ConversionRate));
}
