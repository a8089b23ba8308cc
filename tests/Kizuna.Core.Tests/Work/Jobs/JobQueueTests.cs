using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

public sealed class JobQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EnqueueAsync_SameKeyTwice_AddsOneJobAndReturnsItsId(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var first = await f.Queue.EnqueueAsync(new NewJob("send", """{"n":1}""", Key: "order-1"), Ct);
        var again = await f.Queue.EnqueueAsync(new NewJob("send", """{"n":2}""", Key: "order-1"), Ct);
        var otherQueue = await f.Queue.EnqueueAsync(new NewJob("other", "{}", Key: "order-1"), Ct);
        var claimed = await f.Queue.ClaimAsync("send", 10, Lease, Ct);
        await f.Queue.CompleteAsync(claimed, Ct);
        var afterDone = await f.Queue.EnqueueAsync(new NewJob("send", """{"n":3}""", Key: "order-1"), Ct);

        Assert.Equal(first, again);
        Assert.Equal(first, afterDone);
        Assert.NotEqual(first, otherQueue);
        Assert.Equal("""{"n":1}""", Assert.Single(claimed).Payload);
        Assert.Empty(await f.Queue.ClaimAsync("send", 10, Lease, Ct));
    }

    [Fact]
    public async Task EnqueueManyAsync_JobWithoutQueueOrAttempts_RefusedAndNothingAdded()
    {
        await using var f = await JobQueueFixture.CreateAsync("sqlite");

        await Assert.ThrowsAsync<ArgumentException>(() => f.Queue.EnqueueManyAsync([new NewJob("q", "{}"), new NewJob("q", "{}", MaxAttempts: 0)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => f.Queue.EnqueueAsync(new NewJob("", "{}"), Ct));

        Assert.Empty(await f.Queue.StatsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EnqueueManyAsync_KeyedKeylessAndKnown_IdsInTheOrderGiven(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var known = await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "k2"), Ct);

        var ids = await f.Queue.EnqueueManyAsync(
        [
            new NewJob("q", """{"i":0}"""), new NewJob("q", """{"i":1}""", Key: "k1"), new NewJob("q", """{"i":2}""", Key: "k2"),
            new NewJob("q", """{"i":3}"""), new NewJob("q", """{"i":4}""", Key: "k1"),
        ], Ct);
        var claimed = (await f.Queue.ClaimAsync("q", 10, Lease, Ct)).ToDictionary(j => j.Id);

        Assert.Equal(known, ids[2]);
        Assert.Equal(ids[1], ids[4]);
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal("""{"i":0}""", claimed[ids[0]].Payload);
        Assert.Equal("""{"i":1}""", claimed[ids[1]].Payload);
        Assert.Equal("""{"i":3}""", claimed[ids[3]].Payload);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ClaimAsync_ScheduledJobs_ClaimedOnlyOnceDueOldestFirstUpToMax(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var now = f.Time.GetUtcNow();
        var later = await f.Queue.EnqueueAsync(new NewJob("q", "{}", DueAt: now.AddMinutes(10)), Ct);
        var soon = await f.Queue.EnqueueAsync(new NewJob("q", "{}", DueAt: now.AddMinutes(5)), Ct);
        var nowA = await f.Queue.EnqueueAsync(new NewJob("q", "{}"), Ct);
        var earlier = await f.Queue.EnqueueAsync(new NewJob("q", "{}", DueAt: now.AddMinutes(-1)), Ct);

        var longLease = TimeSpan.FromDays(1);
        var first = await f.Queue.ClaimAsync("q", 1, longLease, Ct);
        var second = await f.Queue.ClaimAsync("q", 10, longLease, Ct);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var third = await f.Queue.ClaimAsync("q", 10, longLease, Ct);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var fourth = await f.Queue.ClaimAsync("q", 10, longLease, Ct);

        Assert.Equal([earlier], first.Select(j => j.Id));
        Assert.Equal([nowA], second.Select(j => j.Id));
        Assert.Equal([soon], third.Select(j => j.Id));
        Assert.Equal([later], fourth.Select(j => j.Id));
        Assert.Equal(1, fourth[0].Attempt);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ClaimAsync_SeveralQueues_ClaimsTheirDueJobsOldestFirstAndNoOthers(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var now = f.Time.GetUtcNow();
        var email = await f.Queue.EnqueueAsync(new NewJob("email", "{}", DueAt: now.AddSeconds(-1)), Ct);
        var sms = await f.Queue.EnqueueAsync(new NewJob("sms", "{}", DueAt: now.AddSeconds(-2)), Ct);
        await f.Queue.EnqueueAsync(new NewJob("push", "{}", DueAt: now.AddSeconds(-3)), Ct);

        var first = await f.Queue.ClaimAsync(["email", "sms"], 1, Lease, Ct);
        var rest = await f.Queue.ClaimAsync(["email", "sms"], 10, Lease, Ct);

        Assert.Equal([sms], first.Select(j => j.Id));
        Assert.Equal([email], rest.Select(j => j.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ClaimAsync_LeaseExpired_AnotherNodeTakesOverAndTheStaleHolderCannotFinish(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var other = f.NewNode();
        await f.Queue.EnqueueAsync(new NewJob("q", "{}"), Ct);
        var stale = Assert.Single(await f.Queue.ClaimAsync("q", 10, Lease, Ct));

        f.Time.Advance(Lease - TimeSpan.FromSeconds(1));
        var whileHeld = await other.ClaimAsync("q", 10, Lease, Ct);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        var takenOver = Assert.Single(await other.ClaimAsync("q", 10, Lease, Ct));

        Assert.Empty(whileHeld);
        Assert.Equal((stale.Id, 2), (takenOver.Id, takenOver.Attempt));
        Assert.Empty(await f.Queue.ExtendAsync([stale], Lease, Ct));
        Assert.Equal(0, await f.Queue.CompleteAsync([stale], Ct));
        Assert.False(await f.Queue.FailAsync(stale, "late", Ct));
        Assert.Equal(1, await other.CompleteAsync([takenOver], Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExtendAsync_HeldJob_StaysLeasedPastItsFirstLease(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        await f.Queue.EnqueueAsync(new NewJob("q", "{}"), Ct);
        var held = Assert.Single(await f.Queue.ClaimAsync("q", 10, Lease, Ct));

        f.Time.Advance(Lease * 0.9);
        var extended = await f.Queue.ExtendAsync([held], Lease, Ct);
        f.Time.Advance(Lease * 0.9);
        var claimedElsewhere = await f.NewNode().ClaimAsync("q", 10, Lease, Ct);

        Assert.Equal([held.Id], extended);
        Assert.Empty(claimedElsewhere);
        Assert.Equal(1, await f.Queue.CompleteAsync([held], Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FailAsync_RepeatedFailures_BackOffExponentiallyThenDeadWithTheLastError(string engine)
    {
        var options = new JobOptions { RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromHours(1) };
        await using var f = await JobQueueFixture.CreateAsync(engine, options);
        var id = await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "k", WorkspaceId: 7, MaxAttempts: 3), Ct);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var job = Assert.Single(await f.Queue.ClaimAsync("q", 10, Lease, Ct));
            Assert.True(await f.Queue.FailAsync(job, $"failure {attempt}", Ct));
            waits.Add(await WaitUntilClaimableAsync(f));
        }

        var last = Assert.Single(await f.Queue.ClaimAsync("q", 10, Lease, Ct));
        await f.Queue.FailAsync(last, "failure 3", Ct);
        f.Time.Advance(TimeSpan.FromDays(1));

        Assert.InRange(waits[0], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        Assert.True(last.IsLastAttempt);
        Assert.Empty(await f.Queue.ClaimAsync("q", 10, Lease, Ct));
        var dead = Assert.Single(await f.Queue.DeadAsync("q", null, 10, Ct));
        Assert.Equal(new DeadJob(id, "q", "k", 7, 3, "failure 3", JobQueueFixture.Start + waits[0] + waits[1]), dead);
    }

    // Steps the clock a second at a time until the failed job can be claimed again; returns how long that took.
    private static async Task<TimeSpan> WaitUntilClaimableAsync(JobQueueFixture f)
    {
        var failedAt = f.Time.GetUtcNow();
        for (var i = 0; i < 3600; i++)
        {
            if ((await f.Queue.StatsAsync(Ct)).Single().Due == 1)
            {
                return f.Time.GetUtcNow() - failedAt;
            }

            f.Time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new InvalidOperationException("The job never came due again.");
    }
}
