using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>The counts and rates of a group of recipients; rates are per message sent, click-to-open per unique open.</summary>
public sealed record CampaignMetricsResponse(
    long Targeted,
    long Sent,
    long Delivered,
    long Bounced,
    long Skipped,
    long UniqueOpens,
    long TotalOpens,
    long UniqueClicks,
    long TotalClicks,
    long Unsubscribes,
    long Complaints,
    long Conversions,
    double OpenRate,
    double ClickThroughRate,
    double ClickToOpenRate,
    double ConversionRate,
    IReadOnlyList<RevenueResponse> Revenue,
    IReadOnlyList<RevenueResponse> RevenuePerRecipient)
{
    public static CampaignMetricsResponse From(CampaignMetrics m) => new(
        m.Targeted, m.Sent, m.Delivered, m.Bounced, m.Skipped, m.UniqueOpens, m.TotalOpens, m.UniqueClicks, m.TotalClicks,
        m.Unsubscribes, m.Complaints, m.Conversions, m.OpenRate, m.ClickThroughRate, m.ClickToOpenRate, m.ConversionRate,
        RevenueResponse.From(m.Revenue), RevenueResponse.From(m.RevenuePerRecipient));
}
