using Kizuna.Analytics.Predictions;
using Kizuna.Analytics.Rfm;

namespace Kizuna.Analytics.Scores;

public sealed class ScoreSummariesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_ClvBeyondWhatADecimalHolds_LeavesThoseCustomersOutOfTheClv()
    {
        var customers = Enumerable.Range(1, 4).Select(i => new CustomerPurchases(i, 3, 3, 10, 40, 90_000, 30_000, "EUR")).ToList();
        var rfm = RfmScorer.Score(customers, 50);
        CustomerPrediction Predicted(long id, double clv) => new(id, 2, 0.8, 30, clv);
        List<CustomerPrediction?> predictions = [Predicted(1, 1e30), Predicted(2, double.MaxValue), Predicted(3, 120.5), Predicted(4, 79.5)];
        var spends = new Dictionary<string, GammaGammaParameters>(StringComparer.Ordinal) { ["EUR"] = new(6.25, 1.000_000_1, 15.45, -100, 4) };

        var summary = ScoreSummaries.Build(1, Now, customers, rfm, predictions, null, spends);

        var clv = Assert.Single(summary.Clv);
        Assert.Equal((2, 200m, 100m, 100m), (clv.Customers, clv.Total, clv.Mean, clv.Median));
        Assert.Equal(2, summary.Predicted);
        Assert.Equal(4, summary.Customers);
        Assert.Equal(2, clv.Buckets.Sum(b => b.Customers));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(999_999_999_999_999, true)]
    [InlineData(1e15, false)]
    [InlineData(-1e16, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void IsStatable_Clv_OnlyFiniteValuesBelowAQuadrillion(double clv, bool statable) =>
        Assert.Equal(statable, ScoreNames.IsStatable(clv));
}
