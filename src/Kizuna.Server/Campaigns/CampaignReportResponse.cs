using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// A campaign's report: totals, each variant, the campaign's control and the global control group, the uplift over
/// them, the A/B comparison in plain words, the winner (or the leader while the test runs) and the days.
/// </summary>
public sealed record CampaignReportResponse(
    long CampaignId,
    DateTimeOffset GeneratedAt,
    CampaignMetricsResponse Total,
    IReadOnlyList<VariantReportResponse> Variants,
    ControlReportResponse Control,
    ControlReportResponse GlobalControl,
    UpliftResponse? Uplift,
    IReadOnlyList<VariantComparisonResponse> Comparisons,
    string? Winner,
    IReadOnlyList<DayReportResponse> Days)
{
    public static CampaignReportResponse From(CampaignReport r) => new(
        r.CampaignId, r.GeneratedAt, CampaignMetricsResponse.From(r.Total), [.. r.Variants.Select(VariantReportResponse.From)],
        ControlReportResponse.From(r.Control), ControlReportResponse.From(r.GlobalControl), UpliftResponse.From(r.Uplift),
        [.. r.Comparisons.Select(VariantComparisonResponse.From)], r.Winner, [.. r.Days.Select(DayReportResponse.From)]);
}
