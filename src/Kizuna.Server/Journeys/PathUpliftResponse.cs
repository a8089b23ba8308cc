using Kizuna.Journeys;

namespace Kizuna.Server.Journeys;

/// <summary>A path's conversion rate minus the control path's, the 95% interval of the difference, the two-proportion z-test's p-value, and the comparison in plain words.</summary>
public sealed record PathUpliftResponse(string Against, double Difference, double Low, double High, double PValue, bool Significant, string Summary)
{
    public static PathUpliftResponse From(PathUplift u) =>
        new(u.Comparison.Against, u.Comparison.Difference, u.Comparison.Low, u.Comparison.High, u.Comparison.PValue, u.Comparison.Significant, u.Comparison.Summary);
}
