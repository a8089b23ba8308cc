namespace Kizuna.Analytics.Scores;

/// <summary>
/// The names of the scores a refresh writes, one column each of <c>customer_scores</c>. Each refresh replaces all of
/// them for the workspace at once; segments and templates read them by these names (<c>customer.rfm_segment</c>)
/// through the <c>computed_values</c> view, beside the values other features keep in <c>profile_values</c>.
/// </summary>
public static class ScoreNames
{
    /// <summary>Recency score 1–5 (5: bought most recently).</summary>
    public const string RfmRecency = "rfm_recency";

    /// <summary>Frequency score 1–5 (5: most orders).</summary>
    public const string RfmFrequency = "rfm_frequency";

    /// <summary>Monetary score 1–5 (5: highest net spend in the main currency).</summary>
    public const string RfmMonetary = "rfm_monetary";

    /// <summary>The three scores as text, "545".</summary>
    public const string RfmScore = "rfm_score";

    /// <summary>The named segment, "Champions" … "Lost".</summary>
    public const string RfmSegment = "rfm_segment";

    /// <summary>The 12-month discounted customer lifetime value in the customer's main currency.</summary>
    public const string PredictedClv = "predicted_clv";

    /// <summary>The probability the customer is still active (BG/NBD P(alive)), 0–1.</summary>
    public const string ProbabilityAlive = "p_alive";

    /// <summary>Expected purchases (purchase days) in the next 12 months.</summary>
    public const string ExpectedPurchases = "expected_purchases";

    /// <summary>1 − P(alive), 0–1; at 0.5 or more the customer counts as at risk.</summary>
    public const string ChurnRisk = "churn_risk";

    /// <summary>Every name a refresh writes, the RFM ones for every customer with an order, the rest when the models fit.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RfmRecency, RfmFrequency, RfmMonetary, RfmScore, RfmSegment, PredictedClv, ProbabilityAlive, ExpectedPurchases, ChurnRisk];

    /// <summary>
    /// The largest CLV a prediction may state (a quadrillion in any currency). A spend model fitted with q barely
    /// above 1 can predict values past what a decimal holds; such a prediction says nothing about the customer, so
    /// it is left out like a non-finite one rather than written, summed or shown.
    /// </summary>
    public const double MaxClv = 1e15;

    /// <summary>Whether <paramref name="clv"/> is a value a prediction may state (finite, within ±<see cref="MaxClv"/>).</summary>
    public static bool IsStatable(double clv) => double.IsFinite(clv) && Math.Abs(clv) < MaxClv;

    /// <summary>The churn risk from which a customer counts as at risk.</summary>
    public const double AtRiskFrom = 0.5;
}
