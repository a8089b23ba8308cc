using Kizuna.Campaigns.Reports;

namespace Kizuna.Campaigns;

public sealed class CampaignStatisticsTests
{
    [Theory]
    [InlineData(0.0, "< 0.001")]
    [InlineData(0.0004, "< 0.001")]
    [InlineData(0.001, "= 0.001")]
    [InlineData(0.0421, "= 0.042")]
    [InlineData(1.0, "= 1.000")]
    public void PValue_TooSmallToPrint_ReadsAsBelowATenthOfAPercent(double p, string expected) =>
        Assert.Equal(expected, CampaignStatistics.PValue(p));

    [Fact]
    public void Describe_ClearDifference_NeverSaysPIsZero()
    {
        var comparison = CampaignStatistics.Compare(18, 30, 3, 30);

        var sentence = CampaignStatistics.Describe("conversion rate", "Path offer", "the control path holdout", 0.6, 0.1, comparison);

        Assert.Contains("statistically significant (p < 0.001)", sentence, StringComparison.Ordinal);
    }
}
