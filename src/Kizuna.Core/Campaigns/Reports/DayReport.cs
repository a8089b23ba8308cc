namespace Kizuna.Campaigns.Reports;

/// <summary>What happened on one UTC day: messages sent, first opens and clicks, conversions and their revenue.</summary>
public sealed record DayReport(DateOnly Day, long Sent, long UniqueOpens, long UniqueClicks, long Conversions, IReadOnlyList<RevenueAmount> Revenue);
