using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

public sealed class JobQueueOperationsTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CancelAsync_ByKeyAndByGroup_CancelsPendingAndRunningJobsOnly(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var now = f.Time.GetUtcNow();
        await f.Queue.EnqueueAsync(new NewJob("send", "{}", Key: "running", Group: "campaign-1"), Ct);
        var running = Assert.Single(await f.Queue.ClaimAsync("send", 10, Lease, Ct));
        await f.Queue.EnqueueManyAsync(
        [
            new NewJob("send", "{}", Key: "a", Group: "campaign-1", DueAt: now.AddHours(1)),
            new NewJob("step", "{}", Key: "b", Group: "campaign-1", DueAt: now.AddHours(1)),
            new NewJob("send", "{}", Key: "c", Group: "campaign-2", DueAt: now.AddHours(1)),
            new NewJob("send", "{}", Key: "d", DueAt: now.AddHours(1)),
        ], Ct);

        var byKey = await f.Queue.CancelAsync("send", "d", Ct);
        var missing = await f.Queue.CancelAsync("send", "nothing", Ct);
        var byGroup = await f.Queue.CancelGroupAsync("campaign-1", Ct);
        f.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal((true, false, 3), (byKey, missing, byGroup));
        Assert.Equal(0, await f.Queue.CompleteAsync([running], Ct));
        Assert.Equal(["c"], (await f.Queue.ClaimAsync("send", 10, Lease, Ct)).Select(j => j.Key));
        Assert.Empty(await f.Queue.ClaimAsync("step", 10, Lease, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StatsAsync_MixedQueue_CountsDueScheduledRunningDeadAndTheOldestDue(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var now = f.Time.GetUtcNow();
        await f.Queue.EnqueueManyAsync([new NewJob("q", "{}", DueAt: now.AddMinutes(-3)), new NewJob("q", "{}", DueAt: now.AddMinutes(-2))], Ct);
        var running = await f.Queue.ClaimAsync("q", 1, Lease, Ct);
        await f.Queue.EnqueueManyAsync(
        [
            new NewJob("q", "{}", DueAt: now.AddMinutes(-1)),
            new NewJob("q", "{}", DueAt: now.AddDays(1)),
            new NewJob("q", "{}", DueAt: now.AddDays(2)),
            new NewJob("dying", "{}", MaxAttempts: 1),
        ], Ct);
        await f.Queue.FailAsync(Assert.Single(await f.Queue.ClaimAsync("dying", 1, Lease, Ct)), "boom", Ct);
        await f.Queue.EnqueueAsync(new NewJob("done", "{}"), Ct);
        await f.Queue.CompleteAsync(await f.Queue.ClaimAsync("done", 1, Lease, Ct), Ct);

        var stats = await f.Queue.StatsAsync(Ct);

        Assert.Equal(
        [
            new QueueStats("dying", 0, 0, 0, 1, null),
            new QueueStats("q", 2, 2, 1, 0, now.AddMinutes(-2)),
        ], stats);
        Assert.Single(running);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RetryDeadAsync_DeadJob_RunsAgainWithItsAttemptsReset(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var id = await f.Queue.EnqueueAsync(new NewJob("q", "{}", MaxAttempts: 5), Ct);
        var job = Assert.Single(await f.Queue.ClaimAsync("q", 1, Lease, Ct));
        await f.Queue.FailAsync([new JobFailure(job, "the file is gone", Retry: false)], Ct);
        var deadBefore = await f.Queue.DeadAsync(null, null, 10, Ct);

        var retried = await f.Queue.RetryDeadAsync(id, null, Ct);
        var again = await f.Queue.RetryDeadAsync(id, null, Ct);
        var claimed = Assert.Single(await f.Queue.ClaimAsync("q", 1, Lease, Ct));

        Assert.Equal("the file is gone", Assert.Single(deadBefore).LastError);
        Assert.Equal((true, false), (retried, again));
        Assert.Equal((id, 1), (claimed.Id, claimed.Attempt));
        Assert.Empty(await f.Queue.DeadAsync(null, null, 10, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeadAsync_OfAWorkspace_ListsAndRetriesOnlyItsOwnJobs(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var mine = await f.Queue.EnqueueAsync(new NewJob("q", "{}", WorkspaceId: 1, MaxAttempts: 1), Ct);
        var theirs = await f.Queue.EnqueueAsync(new NewJob("q", "{}", WorkspaceId: 2, MaxAttempts: 1), Ct);
        foreach (var job in await f.Queue.ClaimAsync("q", 2, Lease, Ct))
        {
            await f.Queue.FailAsync(job, "refused", Ct);
        }

        var listed = await f.Queue.DeadAsync(null, 1, 10, Ct);
        var retriedTheirs = await f.Queue.RetryDeadAsync(theirs, 1, Ct);
        var retriedMine = await f.Queue.RetryDeadAsync(mine, 1, Ct);

        Assert.Equal(mine, Assert.Single(listed).Id);
        Assert.Equal((false, true), (retriedTheirs, retriedMine));
        Assert.Equal(theirs, Assert.Single(await f.Queue.DeadAsync(null, null, 10, Ct)).Id);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task BuryExpiredAsync_LeaseExpiredOnTheLastAttempt_JobIsDeadNotTakenOver(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine);
        var id = await f.Queue.EnqueueAsync(new NewJob("q", "{}", MaxAttempts: 1), Ct);
        await f.Queue.ClaimAsync("q", 1, Lease, Ct);
        f.Time.Advance(Lease);

        var takenOver = await f.NewNode().ClaimAsync("q", 1, Lease, Ct);
        var buried = await f.Queue.BuryExpiredAsync("q", Ct);

        Assert.Empty(takenOver);
        Assert.Equal(1, buried);
        var dead = Assert.Single(await f.Queue.DeadAsync("q", null, 10, Ct));
        Assert.Equal(id, dead.Id);
        Assert.Contains("lease expired", dead.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PruneAsync_PastRetention_DeletesFinishedJobsAndFreesTheirKeys(string engine)
    {
        await using var f = await JobQueueFixture.CreateAsync(engine, new JobOptions { Retention = TimeSpan.FromDays(7), DeadRetention = TimeSpan.FromDays(30) });
        var done = await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "done"), Ct);
        await f.Queue.CompleteAsync(await f.Queue.ClaimAsync("q", 1, Lease, Ct), Ct);
        await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "dead", MaxAttempts: 1), Ct);
        await f.Queue.FailAsync(Assert.Single(await f.Queue.ClaimAsync("q", 1, Lease, Ct)), "boom", Ct);
        await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "later", DueAt: f.Time.GetUtcNow().AddDays(60)), Ct);

        f.Time.Advance(TimeSpan.FromDays(6));
        var early = await f.Queue.PruneAsync(Ct);
        f.Time.Advance(TimeSpan.FromDays(2));
        var pruned = await f.Queue.PruneAsync(Ct);
        var reused = await f.Queue.EnqueueAsync(new NewJob("q", "{}", Key: "done"), Ct);

        Assert.Equal((0, 1), (early, pruned));
        Assert.NotEqual(done, reused);
        var stats = Assert.Single(await f.Queue.StatsAsync(Ct));
        Assert.Equal((1, 1, 1), (stats.Due, stats.Scheduled, stats.Dead));
    }
}
