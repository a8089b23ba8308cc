namespace Kizuna.Server.Analytics;

/// <summary>
/// The predicted CLV of the customers whose main currency is <paramref name="Currency"/>: totals, the distribution,
/// and the Gamma-Gamma spend model (p, q, γ) fitted on them.
/// </summary>
public sealed record CurrencyClvResponse(
    string? Currency, int Customers, decimal Total, decimal Mean, decimal Median, double SpendP, double SpendQ, double SpendGamma,
    IReadOnlyList<ClvBucketResponse> Buckets);
