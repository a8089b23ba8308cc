namespace Kizuna.Analytics.Predictions;

/// <summary>
/// A fitted BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): purchase rates are
/// gamma(<paramref name="R"/>, <paramref name="Alpha"/>) across customers, and after each purchase a customer drops
/// out with a probability that is beta(<paramref name="A"/>, <paramref name="B"/>) across customers. Times are in weeks.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B, double LogLikelihood, int Customers)
{
    /// <summary>P(alive | x, t_x, T): the probability the customer has not dropped out by the end of the observation.</summary>
    public double ProbabilityAlive(PurchaseHistory h) =>
        h.Frequency == 0 ? 1 : 1 / (1 + A / (B + h.Frequency - 1) * Math.Pow((Alpha + h.Age) / (Alpha + h.Recency), R + h.Frequency));

    /// <summary>E[Y(t) | x, t_x, T]: the expected number of purchases in the next <paramref name="weeks"/> weeks.</summary>
    public double ExpectedPurchases(PurchaseHistory h, double weeks)
    {
        if (weeks <= 0)
        {
            return 0;
        }

        var x = h.Frequency;
        var z = weeks / (Alpha + h.Age + weeks);
        var f = Hypergeometric.F21(R + x, B + x, A + B + x - 1, z);
        var numerator = (A + B + x - 1) / (A - 1) * (1 - Math.Pow((Alpha + h.Age) / (Alpha + h.Age + weeks), R + x) * f);
        var denominator = x == 0 ? 1 : 1 + A / (B + x - 1) * Math.Pow((Alpha + h.Age) / (Alpha + h.Recency), R + x);
        return Math.Max(0, numerator / denominator);
    }
}
