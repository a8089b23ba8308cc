namespace Kizuna.Campaigns.Reports;

/// <summary>
/// The counts of one group of recipients (the whole campaign, a variant, a day). Rates are per message sent:
/// open rate = unique opens / sent, click-through = unique clicks / sent, click-to-open = unique clicks / unique opens,
/// conversion rate = converted recipients / sent. <paramref name="Skipped"/> are targeted customers whose message was
/// not made (a template error for their data, consent, suppression, quiet hours set to drop).
/// </summary>
public sealed record CampaignMetrics(
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
    IReadOnlyList<RevenueAmount> Revenue)
{
    public double OpenRate => Ratio(UniqueOpens, Sent);

    public double ClickThroughRate => Ratio(UniqueClicks, Sent);

    public double ClickToOpenRate => Ratio(UniqueClicks, UniqueOpens);

    public double ConversionRate => Ratio(Conversions, Sent);

    /// <summary>Revenue per message sent, in each currency.</summary>
    public IReadOnlyList<RevenueAmount> RevenuePerRecipient =>
        [.. Revenue.Select(r => r with { Amount = Sent == 0 ? 0m : decimal.Round(r.Amount / Sent, 4) })];

    private static double Ratio(long a, long b) => b == 0 ? 0 : (double)a / b;
}
