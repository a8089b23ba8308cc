using Kizuna.Analytics.Scores;

namespace Kizuna.Server.Analytics;

/// <summary>The predicted CLV of the last refresh, per currency, with the BG/NBD model it came from.</summary>
/// <param name="ComputedAt">When the last refresh ran (UTC); null before the first.</param>
/// <param name="Customers">Customers scored.</param>
/// <param name="Predicted">Customers with predictions (none when too few customers to fit the models).</param>
/// <param name="AtRisk">Customers with a churn risk of 0.5 or more.</param>
/// <param name="AtRiskShare">AtRisk / Predicted.</param>
/// <param name="Model">The fitted BG/NBD parameters (times in weeks); null when not fitted.</param>
/// <param name="Currencies">The CLV per main currency, largest first.</param>
public sealed record ClvDistributionResponse(
    DateTimeOffset? ComputedAt, int Customers, int Predicted, int AtRisk, double AtRiskShare, BgNbdResponse? Model, IReadOnlyList<CurrencyClvResponse> Currencies)
{
    public static ClvDistributionResponse From(ScoreSummary? summary) => summary is null
        ? new ClvDistributionResponse(null, 0, 0, 0, 0, null, [])
        : new ClvDistributionResponse(
            summary.ComputedAt, summary.Customers, summary.Predicted, summary.AtRisk, Math.Round(summary.AtRiskShare, 4),
            summary.Purchases is { } p ? new BgNbdResponse(p.R, p.Alpha, p.A, p.B, p.LogLikelihood) : null,
            [.. summary.Clv.Select(c => new CurrencyClvResponse(
                c.Currency, c.Customers, c.Total, c.Mean, c.Median, c.Spend.P, c.Spend.Q, c.Spend.V,
                [.. c.Buckets.Select(b => new ClvBucketResponse(b.From, b.To, b.Customers, b.Total))]))]);
}
