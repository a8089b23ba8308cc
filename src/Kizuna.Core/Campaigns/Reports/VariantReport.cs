namespace Kizuna.Campaigns.Reports;

/// <summary>One variant's results, with the intervals of the rates an A/B test is decided by.</summary>
public sealed record VariantReport(
    int Index,
    string Name,
    CampaignMetrics Metrics,
    RateInterval OpenRate,
    RateInterval ClickRate,
    RateInterval ConversionRate);
