using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kizuna.Campaigns.Reports;

/// <summary>
/// The statistics of a report: Wilson score intervals for rates, and for two groups the difference of their rates
/// with its 95% interval (unpooled standard error) and the two-sided p-value of the two-proportion z-test (pooled).
/// A difference is called significant at p &lt; 0.05.
/// </summary>
public static class CampaignStatistics
{
    private const double Z95 = 1.959963984540054;

    public static RateInterval Rate(long hits, long of)
    {
        if (of == 0)
        {
            return new RateInterval(hits, of, 0, 0, 0);
        }

        var p = (double)hits / of;
        var denominator = 1 + (Z95 * Z95 / of);
        var centre = (p + (Z95 * Z95 / (2 * of))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / of) + (Z95 * Z95 / (4.0 * of * of))) / denominator;
        return new RateInterval(hits, of, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Group a's rate minus group b's: (difference, low, high, p-value); p is 1 when either group is empty.</summary>
    public static (double Difference, double Low, double High, double PValue) Compare(long hitsA, long ofA, long hitsB, long ofB)
    {
        if (ofA == 0 || ofB == 0)
        {
            return (0, 0, 0, 1);
        }

        double pa = (double)hitsA / ofA, pb = (double)hitsB / ofB;
        var difference = pa - pb;
        var se = Math.Sqrt((pa * (1 - pa) / ofA) + (pb * (1 - pb) / ofB));
        var pooled = (double)(hitsA + hitsB) / (ofA + ofB);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / ofA) + (1.0 / ofB)));
        var pValue = pooledSe == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(difference) / pooledSe));
        return (difference, difference - (Z95 * se), difference + (Z95 * se), pValue);
    }

    /// <summary>The comparison in plain words, rates as percentage points.</summary>
    public static string Describe(string what, string a, string b, double rateA, double rateB, (double Difference, double Low, double High, double PValue) c)
    {
        var direction = c.Difference >= 0 ? "higher" : "lower";
        var verdict = c.PValue < 0.05
            ? $"the difference is statistically significant (p {PValue(c.PValue)}): unlikely to be chance."
            : $"the difference is not significant (p {PValue(c.PValue)}): it could well be chance, so do not read much into it yet.";
        return $"{a}'s {what} is {Percent(rateA)} against {Percent(rateB)} for {b}: {Points(Math.Abs(c.Difference))} {direction} "
            + $"(95% interval {Points(c.Low)} to {Points(c.High)}); {verdict}";
    }

    /// <summary>A p-value as it is read: <c>= 0.042</c>, or <c>&lt; 0.001</c> for one too small to print.</summary>
    public static string PValue(double p) => p < 0.001 ? "< 0.001" : "= " + p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Points(double difference) => (difference * 100).ToString("0.0", CultureInfo.InvariantCulture) + " points";
}
