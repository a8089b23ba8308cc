namespace Kizuna.Analytics.Predictions;

/// <summary>
/// A fitted Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"): a customer's purchase values are
/// gamma(<paramref name="P"/>, ν) around their own mean, and ν is gamma(<paramref name="Q"/>, <paramref name="V"/>)
/// across customers.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double V, double LogLikelihood, int Customers)
{
    /// <summary>The population's mean purchase value, E[Z] = pγ / (q − 1) (infinite when q ≤ 1).</summary>
    public double PopulationMean => Q > 1 ? P * V / (Q - 1) : double.PositiveInfinity;

    /// <summary>
    /// E[Z | x, m_x]: the customer's expected purchase value, a weighted mean of the population's mean and their own
    /// (the population's mean for a customer without repeat purchases).
    /// </summary>
    public double ExpectedAverageSpend(PurchaseHistory h)
    {
        var x = h.Frequency;
        if (x == 0 || h.MeanRepeatSpend <= 0)
        {
            return PopulationMean;
        }

        var weight = P * x / (P * x + Q - 1);
        return (1 - weight) * PopulationMean + weight * h.MeanRepeatSpend;
    }
}
