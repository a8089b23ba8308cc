using Kizuna.Analytics.Rfm;

namespace Kizuna.Analytics.Scores;

/// <summary>One named segment: its customers and their counted spend per currency.</summary>
public sealed record RfmSegmentSummary(RfmSegment Segment, int Customers, IReadOnlyList<CurrencyAmount> Revenue)
{
    /// <summary>The segment's stored name ("Can't Lose Them").</summary>
    public string Name => RfmSegments.Name(Segment);
}
