using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>A first-order month's customers and how many ordered k months later (<c>active[k]</c>, <c>retention[k]</c>).</summary>
public sealed record CohortResponse(DateOnly Month, long Customers, IReadOnlyList<long> Active, IReadOnlyList<double> Retention)
{
    public static IReadOnlyList<CohortResponse> From(CohortRetention r) =>
        [.. r.Cohorts.Select(c => new CohortResponse(c.Month, c.Customers, c.Active, c.Retention))];
}
