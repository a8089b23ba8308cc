using Kizuna.Ingestion;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Analytics.Metrics;

public sealed class NpsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IngestMessage Answer(string userId, string score, DateTimeOffset at) =>
        Track(userId, null, NpsReader.EventName, at) with { PropertiesJson = $$"""{"score":{{score}}}""" };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task NpsAsync_Answers_GroupsScoresAndComparesWithThePeriodBefore(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var day = Now.AddDays(-3);
        await harness.WriteAsync(
            Answer("u1", "10", day), Answer("u2", "9", day), Answer("u3", "\"9\"", day), Answer("u4", "9.0", day.AddDays(1)),
            Answer("u5", "8", day), Answer("u6", "7", day), Answer("u7", "6", day), Answer("u8", "0", day),
            Answer("u9", "11", day), Answer("u10", "\"great\"", day), Answer("u11", "8.5", day),
            Answer("u1", "3", Now.AddDays(-40)),   // the period before: one detractor
            Track("u12", null, "Survey Viewed", day));
        var period = new OverviewPeriod(new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 10));

        var nps = await harness.Metrics.NpsAsync(new Metrics.MetricsQuery(1, period, MetricsScope.Workspace), Ct);

        var current = nps.Current;
        Assert.Equal((8L, 4L, 2L, 2L, 3L), (current.Responses, current.Promoters, current.Passives, current.Detractors, current.Ignored));
        Assert.Equal(25, current.Score!.Value, 9);
        // p = 0.5, d = 0.25: variance (0.75 - 0.0625) / 8, 1.96 standard errors either side.
        var error = 1.96 * Math.Sqrt(0.6875 / 8) * 100;
        Assert.Equal(25 - error, current.Low!.Value, 9);
        Assert.Equal(25 + error, current.High!.Value, 9);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 1, 1, 1, 3, 1], current.Distribution);
        Assert.Equal(30, current.Trend.Count);
        Assert.Equal(7, current.Trend[^4].Responses);
        Assert.Equal(100d / 7, current.Trend[^4].Score!.Value, 9);
        Assert.Equal((1L, -100d), (nps.Previous.Responses, nps.Previous.Score!.Value));
        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 8)), nps.PreviousPeriod);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task NpsAsync_NoAnswers_HasNoScoreButAllBuckets(string engine)
    {
        await using var harness = await MetricsHarness.StartAsync(engine, Now);
        var period = new OverviewPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        var nps = await harness.Metrics.NpsAsync(new Metrics.MetricsQuery(1, period, MetricsScope.Workspace), Ct);

        Assert.Equal((0L, null, null), (nps.Current.Responses, nps.Current.Score, nps.Current.Low));
        Assert.Equal(12, nps.Current.Trend.Count);
        Assert.Equal(new DateOnly(2025, 12, 1), nps.Current.Trend[^1].Start);
    }
}
