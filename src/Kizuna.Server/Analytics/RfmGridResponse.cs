using Kizuna.Analytics.Rfm;
using Kizuna.Analytics.Scores;

namespace Kizuna.Server.Analytics;

/// <summary>The RFM grid of the last refresh: every R×F cell with customers, and every named segment (empty ones too).</summary>
/// <param name="ComputedAt">When the last refresh ran (UTC); null before the first, when the lists are empty.</param>
/// <param name="Customers">Customers scored (those with at least one counted order).</param>
/// <param name="Cells">R×F cells, recency and then frequency descending.</param>
/// <param name="Segments">The named segments, best first.</param>
public sealed record RfmGridResponse(DateTimeOffset? ComputedAt, int Customers, IReadOnlyList<RfmCellResponse> Cells, IReadOnlyList<RfmSegmentResponse> Segments)
{
    public static RfmGridResponse From(ScoreSummary? summary) => summary is null
        ? new RfmGridResponse(null, 0, [], [.. RfmSegments.All.Select(s => new RfmSegmentResponse(RfmSegments.Name(s), 0, []))])
        : new RfmGridResponse(
            summary.ComputedAt,
            summary.Customers,
            [.. summary.Cells.Select(c => new RfmCellResponse(c.Recency, c.Frequency, c.Customers, CurrencyAmountResponse.From(c.Revenue)))],
            [.. summary.Segments.Select(s => new RfmSegmentResponse(s.Name, s.Customers, CurrencyAmountResponse.From(s.Revenue)))]);
}
