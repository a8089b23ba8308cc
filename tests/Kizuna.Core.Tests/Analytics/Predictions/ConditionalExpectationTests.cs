namespace Kizuna.Analytics.Predictions;

public sealed class ConditionalExpectationTests
{
    // The published CDNOW fit (Fader, Hardie and Lee 2005).
    private static readonly BgNbdParameters Published = new(0.242594, 4.413661, 0.792919, 2.425946, -9582.43, 2357);

    [Fact]
    public void ExpectedPurchases_CdnowCustomerOneOverThe39WeeksAfter_IsThePublished1226()
    {
        var customer = new PurchaseHistory(1, 2, 30.43, 38.86, 22.35);

        Assert.Equal(1.226, Published.ExpectedPurchases(customer, 39), 3);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_IsOneAndFallsWithTimeSinceTheLast()
    {
        var recent = new PurchaseHistory(1, 3, 38, 38.86, 10);
        var quiet = recent with { Recency = 5 };

        Assert.Equal(1, Published.ProbabilityAlive(recent with { Frequency = 0, Recency = 0 }));
        Assert.True(Published.ProbabilityAlive(recent) > 0.8);
        Assert.True(Published.ProbabilityAlive(quiet) < 0.3);
        Assert.True(Published.ExpectedPurchases(quiet, 52) < Published.ExpectedPurchases(recent, 52));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void F21_KnownClosedForms_AgreeWithTheSeries(double z)
    {
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.F21(1, 1, 2, z), 10);
        Assert.Equal(Math.Pow(1 - z, -0.7), Hypergeometric.F21(0.7, 2.5, 2.5, z), 10);
    }

    [Fact]
    public void ExpectedAverageSpend_ShrinksTowardsThePopulationMeanWithFewPurchases()
    {
        var spend = new GammaGammaParameters(6.25, 3.74, 15.44, 0, 946);
        var one = new PurchaseHistory(1, 1, 1, 10, 100);

        Assert.Equal(6.25 * 15.44 / 2.74, spend.ExpectedAverageSpend(one with { Frequency = 0, MeanRepeatSpend = 0 }), 9);
        Assert.InRange(spend.ExpectedAverageSpend(one), spend.PopulationMean, 100);
        Assert.True(spend.ExpectedAverageSpend(one with { Frequency = 20 }) > spend.ExpectedAverageSpend(one));
    }
}
