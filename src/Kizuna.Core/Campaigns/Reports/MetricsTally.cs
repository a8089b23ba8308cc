namespace Kizuna.Campaigns.Reports;

/// <summary>Counts for one group of recipients while a report is built; <see cref="ToMetrics"/> freezes them.</summary>
internal sealed class MetricsTally
{
    private readonly Dictionary<string, decimal> _revenue = new(StringComparer.Ordinal);
    private readonly HashSet<(long Run, long Profile)> _converted = [];

    public long Targeted { get; set; }

    public long Sent { get; set; }

    public long Delivered { get; set; }

    public long Bounced { get; set; }

    public long Skipped { get; set; }

    public long UniqueOpens { get; set; }

    public long TotalOpens { get; set; }

    public long UniqueClicks { get; set; }

    public long TotalClicks { get; set; }

    public long Unsubscribes { get; set; }

    public long Complaints { get; set; }

    public long Conversions => _converted.Count;

    public void Convert(long run, long profileId, string? currency, decimal? amount)
    {
        _converted.Add((run, profileId));
        if (amount is { } a)
        {
            _revenue[currency ?? ""] = _revenue.GetValueOrDefault(currency ?? "") + a;
        }
    }

    public IReadOnlyList<RevenueAmount> Revenue =>
        [.. _revenue.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RevenueAmount(r.Key.Length == 0 ? null : r.Key, r.Value))];

    public CampaignMetrics ToMetrics() => new(
        Targeted, Sent, Delivered, Bounced, Skipped, UniqueOpens, TotalOpens, UniqueClicks, TotalClicks, Unsubscribes, Complaints, Conversions, Revenue);
}
