using Kizuna.Analytics.Predictions;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// The predicted CLV of the customers whose main currency is <paramref name="Currency"/> (null: orders that stated
/// none), with the spend model fitted on them and the distribution in buckets: CLVs in different currencies are
/// never added together.
/// </summary>
public sealed record CurrencyClv(
    string? Currency, int Customers, decimal Total, decimal Mean, decimal Median, GammaGammaParameters Spend, IReadOnlyList<ClvBucket> Buckets);
