using Kizuna.Analytics.Predictions;

namespace Kizuna.Analytics.Rfm;

public sealed class RfmScorerTests
{
    [Fact]
    public void Quintiles_TenDistinctValues_TwoCustomersPerScore()
    {
        var customers = Enumerable.Range(1, 10).Select(i => Customer(i, orders: i)).ToList();

        var scores = RfmScorer.Quintiles(customers, c => c.Orders);

        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scores);
    }

    [Fact]
    public void Score_TiedValues_GetTheSameScoreWhateverTheOrder()
    {
        var customers = Enumerable.Range(1, 20).Select(i => Customer(i, orders: i <= 12 ? 1 : i)).ToList();
        var reversed = Enumerable.Reverse(customers).ToList();

        var forward = RfmScorer.Score(customers, 100).ToDictionary(s => s.ProfileId);
        var backward = RfmScorer.Score(reversed, 100).ToDictionary(s => s.ProfileId);

        Assert.Single(forward.Values.Where(s => s.ProfileId <= 12).Select(s => s.Frequency).Distinct());
        Assert.Equal(1, forward[1].Frequency);   // twelve of twenty share the fewest orders: still the lowest score
        Assert.All(forward, pair => Assert.Equal(pair.Value, backward[pair.Key]));
    }

    [Fact]
    public void Quintiles_MostCustomersBoughtOnce_OneTimeBuyersScoreOneAndTheMostOrdersFive()
    {
        // 70 one-time buyers, then 20 with two orders, 6 with three, 3 with five and 1 with nine.
        var orders = Enumerable.Repeat(1, 70).Concat(Enumerable.Repeat(2, 20)).Concat(Enumerable.Repeat(3, 6)).Concat(Enumerable.Repeat(5, 3)).Append(9);
        var customers = orders.Select((n, i) => Customer(i + 1, orders: n)).ToList();

        var scores = RfmScorer.Quintiles(customers, c => c.Orders);

        var byOrders = customers.Select((c, i) => (c.Orders, Score: scores[i])).Distinct().OrderBy(p => p.Orders).ToList();
        Assert.Equal([(1, 1), (2, 5), (3, 5), (5, 5), (9, 5)], byOrders);   // two orders: mid-rank 80 of 100
    }

    [Fact]
    public void Quintiles_MostCustomersShareTheBestValue_TheyScoreFive()
    {
        var customers = Enumerable.Range(1, 10).Select(i => Customer(i, orders: i <= 4 ? i : 10)).ToList();

        var scores = RfmScorer.Quintiles(customers, c => c.Orders);

        Assert.Equal([1, 1, 2, 2, 5, 5, 5, 5, 5, 5], scores);
    }

    [Fact]
    public void Quintiles_EveryoneTheSame_ScoresTheMiddle()
    {
        var customers = Enumerable.Range(1, 7).Select(i => Customer(i, orders: 2)).ToList();

        Assert.All(RfmScorer.Quintiles(customers, c => c.Orders), score => Assert.Equal(3, score));
    }

    [Fact]
    public void Score_RecentBigSpender_IsAChampionAndTheOldOneOffIsLost()
    {
        var customers = Enumerable.Range(1, 10)
            .Select(i => Customer(i, orders: i, lastDay: 90 + i, totalUnits: i * 10_000L))
            .ToList();

        var scores = RfmScorer.Score(customers, 100);

        Assert.Equal((5, 5, 5, RfmSegment.Champions), (scores[9].Recency, scores[9].Frequency, scores[9].Monetary, scores[9].Segment));
        Assert.Equal((1, 1, 1, RfmSegment.Lost), (scores[0].Recency, scores[0].Frequency, scores[0].Monetary, scores[0].Segment));
        Assert.Equal("555", scores[9].Code);
    }

    [Theory]
    [InlineData(5, 1, 1, RfmSegment.New)]
    [InlineData(4, 1, 1, RfmSegment.Promising)]
    [InlineData(5, 3, 2, RfmSegment.PotentialLoyalist)]
    [InlineData(3, 4, 5, RfmSegment.Loyal)]
    [InlineData(3, 3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 1, 2, RfmSegment.AboutToSleep)]
    [InlineData(2, 3, 4, RfmSegment.AtRisk)]
    [InlineData(1, 5, 4, RfmSegment.CantLoseThem)]
    [InlineData(2, 1, 1, RfmSegment.Hibernating)]
    [InlineData(1, 1, 1, RfmSegment.Lost)]
    [InlineData(5, 4, 4, RfmSegment.Champions)]
    public void Of_GridCell_NamesItsSegment(int r, int f, int m, RfmSegment expected)
    {
        Assert.Equal(expected, RfmSegments.Of(r, f, m));
        Assert.Equal(expected, RfmSegments.Parse(RfmSegments.Name(expected)));
    }

    private static CustomerPurchases Customer(long id, int orders, int lastDay = 50, long totalUnits = 10_000) =>
        new(id, orders, orders, 1, lastDay, totalUnits, totalUnits / orders);
}
