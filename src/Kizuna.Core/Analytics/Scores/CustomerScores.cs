using Kizuna.Analytics.Rfm;
using Kizuna.Profiles;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// One customer's scores as the last refresh wrote them (all null before their first counted order was scored;
/// the predictions null when the models were not fitted), with the currency the CLV is in.
/// </summary>
public sealed record CustomerScores(
    long ProfileId,
    string? Currency,
    DateTimeOffset? ComputedAt,
    int? Recency,
    int? Frequency,
    int? Monetary,
    string? Code,
    RfmSegment? Segment,
    double? PredictedClv,
    double? ProbabilityAlive,
    double? ExpectedPurchases,
    double? ChurnRisk)
{
    /// <summary>Whether the customer counts as at risk (churn risk of <see cref="ScoreNames.AtRiskFrom"/> or more).</summary>
    public bool? AtRisk => ChurnRisk is { } risk ? risk >= ScoreNames.AtRiskFrom : null;

    public static CustomerScores From(long profileId, string? currency, IReadOnlyDictionary<string, ProfileValue> values)
    {
        double? Number(string name) => values.TryGetValue(name, out var v) ? v.Number : null;
        int? Score(string name) => Number(name) is { } n ? (int)n : null;
        string? Text(string name) => values.TryGetValue(name, out var v) ? v.Text : null;
        return new CustomerScores(
            profileId, currency, values.Count == 0 ? null : values.Values.Max(v => v.ComputedAt),
            Score(ScoreNames.RfmRecency), Score(ScoreNames.RfmFrequency), Score(ScoreNames.RfmMonetary), Text(ScoreNames.RfmScore),
            RfmSegments.Parse(Text(ScoreNames.RfmSegment)), Number(ScoreNames.PredictedClv), Number(ScoreNames.ProbabilityAlive),
            Number(ScoreNames.ExpectedPurchases), Number(ScoreNames.ChurnRisk));
    }
}
