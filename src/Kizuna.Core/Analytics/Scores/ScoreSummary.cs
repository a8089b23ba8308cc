using Kizuna.Analytics.Predictions;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// What a refresh computed, stored in <c>score_summaries</c>: <paramref name="Customers"/> scored by RFM,
/// <paramref name="Predicted"/> with predictions (null <paramref name="Purchases"/> when too few customers to fit),
/// the R×F grid and the segments, the CLV per currency, and how many are at risk (churn risk of
/// <see cref="ScoreNames.AtRiskFrom"/> or more).
/// </summary>
public sealed record ScoreSummary(
    long WorkspaceId,
    DateTimeOffset ComputedAt,
    int Customers,
    int Predicted,
    int AtRisk,
    IReadOnlyList<RfmCell> Cells,
    IReadOnlyList<RfmSegmentSummary> Segments,
    BgNbdParameters? Purchases,
    IReadOnlyList<CurrencyClv> Clv,
    double DurationMs)
{
    /// <summary>
    /// The UTC day the scores are as of: the refresh's day, or the last order's day for a history that ended long
    /// before it (see <see cref="ScoresOptions.HistoryGapDays"/>); null in summaries stored before it was kept.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The share of customers with predictions who are at risk (0 without predictions).</summary>
    public double AtRiskShare => Predicted == 0 ? 0 : AtRisk / (double)Predicted;
}
