using Kizuna.Journeys.Model;

namespace Kizuna.Journeys;

public sealed class JourneyUpliftTests
{
    private static readonly JourneyDefinition Definition = new(
        new JourneyEntryRule(JourneyEntryRule.OnEvent, "Signed Up"),
        [
            new JourneyNode("split", JourneyNodeKinds.Split, Paths: [new SplitPath("offer", 45, "done"), new SplitPath("tips", 45, "done"), new SplitPath("holdout", 10, "done", Control: true)]),
            new JourneyNode("done", JourneyNodeKinds.Exit),
        ],
        Goal: new ConversionGoal("Order Completed", "7d"));

    [Fact]
    public void Of_PathsAgainstTheControl_DifferenceIntervalAndTestInPlainWords()
    {
        var uplifts = JourneyUplift.Of(Definition, [new PathCount("split", "offer", 400, 120), new PathCount("split", "tips", 400, 52), new PathCount("split", "holdout", 400, 48)]);

        Assert.Equal(["offer", "tips"], uplifts.Select(u => u.Comparison.Variant));
        var offer = uplifts[0].Comparison;
        Assert.Equal(("split", "holdout"), (uplifts[0].Node, offer.Against));
        Assert.Equal(0.18, offer.Difference, 6);
        Assert.True(offer.Low > 0 && offer.High > offer.Difference && offer.PValue < 0.001 && offer.Significant);
        Assert.Contains("statistically significant", offer.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Path offer's conversion rate is 30.0% against 12.0% for the control path holdout", offer.Summary, StringComparison.Ordinal);

        var tips = uplifts[1].Comparison;
        Assert.True(tips.Low < 0 && tips.High > 0 && !tips.Significant);
        Assert.Contains("could well be chance", tips.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoGoalOrNoControlEntries_NoUplift()
    {
        Assert.Empty(JourneyUplift.Of(Definition with { Goal = null }, [new PathCount("split", "offer", 10, 1), new PathCount("split", "holdout", 10, 1)]));
        Assert.Empty(JourneyUplift.Of(Definition, [new PathCount("split", "offer", 10, 1)]));
    }
}
