namespace Kizuna.Analytics.Scores;

/// <summary>
/// One customer's row of <c>customer_scores</c>: the RFM scores and segment, and the four predictions together or
/// none (when the models were not fitted or the prediction says nothing, <see cref="ScoreNames.IsStatable"/>).
/// </summary>
public readonly record struct ScoreRow(
    long ProfileId,
    int Recency,
    int Frequency,
    int Monetary,
    string Code,
    string Segment,
    double? PredictedClv = null,
    double? ProbabilityAlive = null,
    double? ExpectedPurchases = null,
    double? ChurnRisk = null);
