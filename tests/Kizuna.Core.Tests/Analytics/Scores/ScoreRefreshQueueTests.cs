using Dapper;
using Kizuna.Storage;
using Kizuna.Work;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Analytics.Scores;

public sealed class ScoreRefreshQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 30, 12, 0, 10, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RequestAsync_SameWindow_JoinsTheWaitingRefreshAndTheNextWindowGetsItsOwn(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(Start);
        var queue = Queue(store.Database, time, new ScoresOptions { CoalesceWindow = TimeSpan.FromSeconds(30) });

        var first = await queue.RequestAsync(7, "import", Ct);
        time.Advance(TimeSpan.FromSeconds(15));
        var second = await queue.RequestAsync(7, "request", Ct);
        var otherWorkspace = await queue.RequestAsync(8, "request", Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var third = await queue.RequestAsync(7, "import", Ct);

        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 12, 0, 30, TimeSpan.Zero), first.DueAt);
        Assert.NotEqual(first.JobId, otherWorkspace.JobId);
        Assert.NotEqual(first.JobId, third.JobId);
        Assert.Equal(first.DueAt.AddSeconds(30), third.DueAt);
        await using var connection = await store.Database.OpenAsync(Ct);
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE queue = 'scores' AND state = 'pending'"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ScheduleNextAsync_TwoNodes_AddOneDailyRefreshAtTheLocalTime(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(Start);
        var settings = new ScoresOptions { DailyAt = new TimeOnly(3, 0), TimeZone = "Asia/Tokyo" };

        var one = await Queue(store.Database, time, settings).ScheduleNextAsync(7, time.GetUtcNow(), Ct);
        var two = await Queue(store.Database, time, settings).ScheduleNextAsync(7, time.GetUtcNow(), Ct);

        Assert.Equal(one, two);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 3, 0, 0, TimeSpan.FromHours(9)), one.DueAt);
    }

    [Fact]
    public void NextDaily_AcrossASpringForwardGap_RunsOnceThatDay()
    {
        var settings = new ScoresOptions { DailyAt = new TimeOnly(2, 30), TimeZone = "America/New_York" };

        // 2026-03-08 02:30 does not exist in New York (clocks jump from 02:00 to 03:00).
        var next = ScoreRefreshQueue.NextDaily(settings, new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Validate_UnknownTimeZone_NamesTheSetting()
    {
        var result = new ScoresOptionsValidator().Validate(null, new ScoresOptions { TimeZone = "Mars/Olympus" });

        Assert.True(result.Failed);
        Assert.Contains("Analytics:Scores:TimeZone", result.FailureMessage);
    }

    private static ScoreRefreshQueue Queue(Database database, FakeTimeProvider time, ScoresOptions settings) => new(
        new JobQueue(database, new NodeIdentity(), new JobSignal(), [ScoreRefreshJobHandler.Settings], Options.Create(new JobOptions()), time),
        Options.Create(settings), time);
}
