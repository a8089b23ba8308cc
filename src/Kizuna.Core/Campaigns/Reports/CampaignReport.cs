namespace Kizuna.Campaigns.Reports;

/// <summary>
/// A campaign's results over all its runs: totals, each variant, the campaign's control and the global control group,
/// the uplift of recipients over the controls, the A/B comparison and the days. <paramref name="Winner"/> is the
/// chosen variant's name, or the leading one's while the test runs.
/// </summary>
public sealed record CampaignReport(
    long CampaignId,
    DateTimeOffset GeneratedAt,
    CampaignMetrics Total,
    IReadOnlyList<VariantReport> Variants,
    ControlReport Control,
    ControlReport GlobalControl,
    Uplift? Uplift,
    IReadOnlyList<VariantComparison> Comparisons,
    string? Winner,
    IReadOnlyList<DayReport> Days);
