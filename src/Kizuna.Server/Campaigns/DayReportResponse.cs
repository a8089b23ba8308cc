using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>One UTC day: messages sent, first opens and clicks, conversions and revenue.</summary>
public sealed record DayReportResponse(DateOnly Day, long Sent, long UniqueOpens, long UniqueClicks, long Conversions, IReadOnlyList<RevenueResponse> Revenue)
{
    public static DayReportResponse From(DayReport d) => new(d.Day, d.Sent, d.UniqueOpens, d.UniqueClicks, d.Conversions, RevenueResponse.From(d.Revenue));
}
