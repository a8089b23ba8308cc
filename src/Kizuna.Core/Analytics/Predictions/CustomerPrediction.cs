namespace Kizuna.Analytics.Predictions;

/// <summary>
/// One customer's predictions over the CLV horizon: expected purchases, the probability they are still a customer,
/// their expected value per purchase (in their main currency) and the discounted value of the horizon.
/// </summary>
public sealed record CustomerPrediction(long ProfileId, double ExpectedPurchases, double ProbabilityAlive, double ExpectedSpend, double Clv)
{
    /// <summary>1 − P(alive): the probability the customer has already left.</summary>
    public double ChurnRisk => 1 - ProbabilityAlive;
}
