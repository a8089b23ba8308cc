using System.Globalization;
using Kizuna.Campaigns.Reports;
using Kizuna.Server.Dashboard.Analytics;

namespace Kizuna.Server.Dashboard.Campaigns;

/// <summary>How the campaign pages show counts, rates with their intervals and revenue in several currencies.</summary>
public static class ReportFormat
{
    public static string Count(long value) => DashboardFormat.Number(value);

    public static string Rate(double rate) => AnalyticsFormat.Percent(rate);

    /// <summary>A rate with its 95% interval: 12.5% (10.1% – 15.2%).</summary>
    public static string Interval(RateInterval r) => $"{Rate(r.Rate)} ({Rate(r.Low)} – {Rate(r.High)})";

    public static string Money(IReadOnlyList<RevenueAmount> revenue) =>
        revenue.Count == 0 ? "–" : string.Join(" + ", revenue.Select(a => DashboardFormat.Money(a.Amount, a.Currency)));

    /// <summary>An invariant number for data attributes that tests and scripts read.</summary>
    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);
}
