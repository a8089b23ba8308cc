namespace Kizuna.Analytics.Metrics;

/// <summary>
/// The customers whose first order fell in <see cref="Month"/>, and how many of them ordered in each month since:
/// <see cref="Active"/>[0] is the cohort itself, [k] those who ordered k months later (up to the period's end).
/// </summary>
public sealed record CohortRow(DateOnly Month, long Customers, IReadOnlyList<long> Active)
{
    /// <summary>The share of the cohort ordering k months after its first (1 for k = 0).</summary>
    public IReadOnlyList<double> Retention => [.. Active.Select(a => Customers == 0 ? 0 : (double)a / Customers)];
}
