using Kizuna.Analytics.Rfm;
using Kizuna.Analytics.Scores;

namespace Kizuna.Server.Analytics;

/// <summary>A customer's scores; every score is null until the customer's first counted order was scored.</summary>
/// <param name="ProfileId">The customer.</param>
/// <param name="Currency">The customer's main currency, the one of <paramref name="PredictedClv"/>.</param>
/// <param name="ComputedAt">When the last refresh wrote them (UTC).</param>
/// <param name="RfmRecency">Recency score 1–5 (5: bought most recently).</param>
/// <param name="RfmFrequency">Frequency score 1–5.</param>
/// <param name="RfmMonetary">Monetary score 1–5.</param>
/// <param name="RfmScore">The three scores as one code, "545".</param>
/// <param name="RfmSegment">The named segment, "Champions" … "Lost".</param>
/// <param name="PredictedClv">12-month discounted customer lifetime value; null when the models could not be fitted.</param>
/// <param name="PAlive">The probability the customer is still active, 0–1.</param>
/// <param name="ExpectedPurchases">Expected purchases in the next 12 months.</param>
/// <param name="ChurnRisk">1 − P(alive).</param>
/// <param name="AtRisk">Whether the churn risk is 0.5 or more.</param>
public sealed record CustomerScoresResponse(
    long ProfileId,
    string? Currency,
    DateTimeOffset? ComputedAt,
    int? RfmRecency,
    int? RfmFrequency,
    int? RfmMonetary,
    string? RfmScore,
    string? RfmSegment,
    double? PredictedClv,
    double? PAlive,
    double? ExpectedPurchases,
    double? ChurnRisk,
    bool? AtRisk)
{
    public static CustomerScoresResponse From(CustomerScores s) => new(
        s.ProfileId, s.Currency, s.ComputedAt, s.Recency, s.Frequency, s.Monetary, s.Code,
        s.Segment is { } segment ? RfmSegments.Name(segment) : null, s.PredictedClv, s.ProbabilityAlive, s.ExpectedPurchases, s.ChurnRisk, s.AtRisk);
}
