namespace Kizuna.Campaigns.Reports;

/// <summary>
/// A variant against the first one on the test's metric: the difference of rates with its 95% interval and the
/// two-proportion z-test's p-value; <paramref name="Summary"/> says it in plain words.
/// </summary>
public sealed record VariantComparison(
    string Variant,
    string Against,
    WinnerMetric Metric,
    double Difference,
    double Low,
    double High,
    double PValue,
    bool Significant,
    string Summary);
