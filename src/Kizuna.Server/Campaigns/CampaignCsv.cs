using System.Globalization;
using CsvHelper;
using Kizuna.Campaigns.Reports;

namespace Kizuna.Server.Campaigns;

/// <summary>
/// A report as CSV, one row per group: the total, each variant, the campaign's control, the global control group and
/// each UTC day; rates as fractions, revenue as "amount currency" per currency. UTF-8 with a byte-order mark for Excel.
/// </summary>
public static class CampaignCsv
{
    // Variant names are typed by users: a spreadsheet must never run one as a formula.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    private static readonly string[] Header =
    [
        "group", "targeted", "sent", "delivered", "bounced", "skipped", "unique_opens", "total_opens", "unique_clicks", "total_clicks",
        "unsubscribes", "complaints", "conversions", "open_rate", "click_through_rate", "click_to_open_rate", "conversion_rate", "revenue",
    ];

    public static async Task WriteAsync(Stream output, CampaignReport report, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await RowAsync(csv, "total", report.Total, ct);
        foreach (var v in report.Variants)
        {
            await RowAsync(csv, $"variant:{v.Name}", v.Metrics, ct);
        }

        foreach (var (name, control) in new[] { ("control", report.Control), ("global_control", report.GlobalControl) })
        {
            await RowAsync(csv, name, Empty(control.Size, control.ConversionRate.Hits, control.Revenue), ct);
        }

        foreach (var day in report.Days)
        {
            var m = Empty(0, day.Conversions, day.Revenue) with { Sent = day.Sent, UniqueOpens = day.UniqueOpens, UniqueClicks = day.UniqueClicks };
            await RowAsync(csv, "day:" + day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m, ct);
        }

        await csv.FlushAsync(ct);
    }

    private static CampaignMetrics Empty(long targeted, long conversions, IReadOnlyList<RevenueAmount> revenue) =>
        new(targeted, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, conversions, revenue);

    private static async Task RowAsync(CsvWriter csv, string group, CampaignMetrics m, CancellationToken ct)
    {
        csv.WriteField(group);
        foreach (var count in new[] { m.Targeted, m.Sent, m.Delivered, m.Bounced, m.Skipped, m.UniqueOpens, m.TotalOpens, m.UniqueClicks, m.TotalClicks, m.Unsubscribes, m.Complaints, m.Conversions })
        {
            csv.WriteField(count.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var rate in new[] { m.OpenRate, m.ClickThroughRate, m.ClickToOpenRate, m.ConversionRate })
        {
            csv.WriteField(rate.ToString("0.####", CultureInfo.InvariantCulture));
        }

        csv.WriteField(string.Join("; ", m.Revenue.Select(r => $"{r.Amount.ToString(CultureInfo.InvariantCulture)} {r.Currency}".Trim())));
        await csv.EndRecordAsync(ct);
    }
}
