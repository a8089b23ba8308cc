namespace Kizuna.Analytics.Predictions;

/// <summary>
/// The fitted models together, and the customer lifetime value they predict: over <paramref name="Months"/> months
/// (a month is 365.25 / 12 days, 4.348 weeks), each month's expected purchases (the BG/NBD expectation at its end
/// less the one at its start) times the Gamma-Gamma expected spend, discounted at <paramref name="MonthlyDiscountRate"/>
/// per month: CLV = Σₘ spend · (E[Y(m)] − E[Y(m−1)]) / (1 + d)ᵐ.
/// </summary>
public sealed record ClvModel(BgNbdParameters Purchases, GammaGammaParameters Spend, int Months, double MonthlyDiscountRate)
{
    /// <summary>Weeks in a month of 365.25 / 12 days.</summary>
    public const double WeeksPerMonth = 365.25 / 12 / 7;

    public CustomerPrediction Predict(PurchaseHistory history) => Predict(history, Cumulative(history));

    /// <summary>
    /// The prediction from <paramref name="cumulative"/>, the expected purchases by the end of each month
    /// (<see cref="Cumulative"/>), which depend on (x, t_x, T) alone: customers sharing those share the array.
    /// </summary>
    public CustomerPrediction Predict(PurchaseHistory history, double[] cumulative)
    {
        var spend = Spend.ExpectedAverageSpend(history);
        double clv = 0, previous = 0;
        for (var month = 1; month <= Months; month++)
        {
            clv += spend * (cumulative[month - 1] - previous) / Math.Pow(1 + MonthlyDiscountRate, month);
            previous = cumulative[month - 1];
        }

        return new CustomerPrediction(history.ProfileId, previous, Purchases.ProbabilityAlive(history), spend, clv);
    }

    /// <summary>E[Y(t)] at the end of each month of the horizon.</summary>
    public double[] Cumulative(PurchaseHistory history)
    {
        var expected = new double[Months];
        for (var month = 1; month <= Months; month++)
        {
            expected[month - 1] = Purchases.ExpectedPurchases(history, month * WeeksPerMonth);
        }

        return expected;
    }
}
