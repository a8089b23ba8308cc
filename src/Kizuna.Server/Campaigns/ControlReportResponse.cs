using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>Customers held back (the campaign's control or the global control group) and how many converted anyway.</summary>
public sealed record ControlReportResponse(long Size, RateResponse ConversionRate, IReadOnlyList<RevenueResponse> Revenue)
{
    public static ControlReportResponse From(ControlReport c) => new(c.Size, RateResponse.From(c.ConversionRate), RevenueResponse.From(c.Revenue));
}
