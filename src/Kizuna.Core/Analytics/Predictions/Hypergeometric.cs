namespace Kizuna.Analytics.Predictions;

/// <summary>
/// The Gauss hypergeometric function 2F1(a, b; c; z), which Math.NET Numerics does not provide. The BG/NBD
/// expectation only needs it for 0 ≤ z &lt; 1 (z = t / (α + T + t)), where the power series converges; its terms
/// are summed until they no longer change the sum in double precision.
/// </summary>
public static class Hypergeometric
{
    private const int MaxTerms = 1_000_000;

    /// <summary>2F1(a, b; c; z) for 0 ≤ z &lt; 1 and c not a non-positive integer.</summary>
    public static double F21(double a, double b, double c, double z)
    {
        if (z is < 0 or >= 1 || double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The series is used for 0 <= z < 1 only.");
        }

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            // t(n+1) = t(n) · (a+n)(b+n) / ((c+n)(n+1)) · z
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            if (next == sum || term == 0)
            {
                return next;
            }

            sum = next;
        }

        return sum;
    }
}
