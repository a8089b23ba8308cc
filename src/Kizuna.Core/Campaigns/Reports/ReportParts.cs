namespace Kizuna.Campaigns.Reports;

/// <summary>The finished pieces of a report, with the statistics worked out from the tallies.</summary>
internal sealed record ReportParts(
    CampaignMetrics Total,
    IReadOnlyList<VariantReport> Variants,
    ControlReport Control,
    ControlReport GlobalControl,
    Uplift? Uplift,
    IReadOnlyList<VariantComparison> Comparisons,
    string? Winner,
    IReadOnlyList<DayReport> Days)
{
    public static ReportParts From(
        CampaignDefinition d, int? winner, MetricsTally total, MetricsTally[] variants, MetricsTally control, MetricsTally global, SortedDictionary<int, MetricsTally> days)
    {
        var totals = Finish(total);
        var reports = variants.Select((t, i) =>
        {
            var m = Finish(t);
            return new VariantReport(i, d.Variants[i].Name, m, CampaignStatistics.Rate(m.UniqueOpens, m.Sent), CampaignStatistics.Rate(m.UniqueClicks, m.Sent), CampaignStatistics.Rate(m.Conversions, m.Sent));
        }).ToList();
        var metric = d.Test?.Metric ?? (d.Goal is null ? WinnerMetric.ClickRate : WinnerMetric.ConversionRate);
        var comparisons = reports.Skip(1).Select(v =>
        {
            var (a, b) = (ReportGroups.Rate(v, metric), ReportGroups.Rate(reports[0], metric));
            var c = CampaignStatistics.Compare(a.Hits, a.Of, b.Hits, b.Of);
            return new VariantComparison(v.Name, reports[0].Name, metric, c.Difference, c.Low, c.High, c.PValue, c.PValue < 0.05,
                CampaignStatistics.Describe(Describe(metric), v.Name, reports[0].Name, a.Rate, b.Rate, c));
        }).ToList();
        var leader = d.Test is null ? null : reports.OrderByDescending(v => ReportGroups.Rate(v, metric).Rate).ThenBy(v => v.Index).FirstOrDefault()?.Name;
        return new ReportParts(
            totals, reports, ControlOf(control), ControlOf(global), UpliftOf(totals, control, global), comparisons,
            winner is { } w && w < d.Variants.Count ? d.Variants[w].Name : leader,
            [.. days.Select(p => new DayReport(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + p.Key),
                p.Value.Sent, p.Value.UniqueOpens, p.Value.UniqueClicks, p.Value.Conversions, p.Value.Revenue))]);
    }

    private static CampaignMetrics Finish(MetricsTally t)
    {
        t.Delivered = Math.Max(0, t.Sent - t.Bounced);
        return t.ToMetrics();
    }

    private static ControlReport ControlOf(MetricsTally t) => new(t.Targeted, CampaignStatistics.Rate(t.Conversions, t.Targeted), t.Revenue);

    /// <summary>Recipients against everyone held back (the campaign's control and the global control group together).</summary>
    private static Uplift? UpliftOf(CampaignMetrics recipients, MetricsTally control, MetricsTally global)
    {
        var size = control.Targeted + global.Targeted;
        if (size == 0 || recipients.Sent == 0)
        {
            return null;
        }

        var converted = control.Conversions + global.Conversions;
        var c = CampaignStatistics.Compare(recipients.Conversions, recipients.Sent, converted, size);
        var controlRate = (double)converted / size;
        return new Uplift(recipients.ConversionRate, controlRate, c.Difference, c.Low, c.High, c.PValue, c.PValue < 0.05,
            CampaignStatistics.Describe("conversion rate", "Recipients", "the control", recipients.ConversionRate, controlRate, c));
    }

    private static string Describe(WinnerMetric metric) => metric switch
    {
        WinnerMetric.OpenRate => "open rate",
        WinnerMetric.ClickRate => "click rate",
        _ => "conversion rate",
    };
}
