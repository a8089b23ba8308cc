namespace Kizuna.Campaigns.Reports;

/// <summary>
/// Customers who were targeted but got nothing (the campaign's control, or the workspace's global control group):
/// how many converted within the window after the time they would have been messaged.
/// </summary>
public sealed record ControlReport(long Size, RateInterval ConversionRate, IReadOnlyList<RevenueAmount> Revenue);
