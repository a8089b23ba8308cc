using System.Collections.Concurrent;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Work.Jobs;

public sealed class JobWorkerTests
{
    private static readonly JobQueueSettings Test = new("test", BatchSize: 10, Lease: TimeSpan.FromMinutes(1), MaxAttempts: 3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Enqueue_OnThisNode_RunsAtOnceNotAtTheNextPoll(string engine)
    {
        var ran = new TaskCompletionSource<ClaimedJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await CoreHost.StartAsync(engine, services => services
            .Configure<JobOptions>(o => o.PollInterval = TimeSpan.FromMinutes(10))
            .AddJobHandler<DelegateHandler>(Test)
            .AddSingleton<Func<ClaimedJob, JobOutcomes, CancellationToken, Task>>((job, _, _) =>
            {
                ran.TrySetResult(job);
                return Task.CompletedTask;
            }));

        var id = await host.Get<JobQueue>().EnqueueAsync(new NewJob("test", """{"hello":"world"}"""), Ct);
        var job = await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal((id, """{"hello":"world"}"""), (job.Id, job.Payload));
        await WaitUntilAsync(async () => (await host.Get<JobQueue>().StatsAsync(Ct)).Count == 0);
    }

    [Fact]
    public async Task Handler_FailsThenSucceeds_JobIsRetriedAndCompleted()
    {
        var attempts = new ConcurrentQueue<int>();
        await using var host = await CoreHost.StartAsync("sqlite", services => services
            .Configure<JobOptions>(o => (o.PollInterval, o.RetryDelay, o.MaxRetryDelay) = (TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)))
            .AddJobHandler<DelegateHandler>(Test)
            .AddSingleton<Func<ClaimedJob, JobOutcomes, CancellationToken, Task>>((job, outcomes, _) =>
            {
                attempts.Enqueue(job.Attempt);
                return job.Attempt == 1 ? throw new InvalidOperationException("provider down") : Task.CompletedTask;
            }));

        await host.Get<JobQueue>().EnqueueAsync(new NewJob("test", "{}"), Ct);
        await WaitUntilAsync(async () => attempts.Count == 2 && (await host.Get<JobQueue>().StatsAsync(Ct)).Count == 0);

        Assert.Equal([1, 2], attempts);
        Assert.Empty(await host.Get<JobQueue>().DeadAsync(null, null, 10, Ct));
    }

    [Fact]
    public async Task Handler_RunningLongerThanTheLease_KeepsItsJobFromOtherNodes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await CoreHost.StartAsync("sqlite", services => services
            .AddSingleton<TimeProvider>(time)
            .AddJobHandler<DelegateHandler>(Test)
            .AddSingleton<Func<ClaimedJob, JobOutcomes, CancellationToken, Task>>(async (_, _, _) =>
            {
                started.TrySetResult();
                await finish.Task;
            }));
        var id = await host.Get<JobQueue>().EnqueueAsync(new NewJob("test", "{}"), Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var other = new JobQueue(host.Get<Database>(), new NodeIdentity(), new JobSignal(), [], Microsoft.Extensions.Options.Options.Create(new JobOptions()), time);

        // Five leases' time passes in steps of a third of a lease; the worker extends the lease at each step.
        for (var step = 0; step < 15; step++)
        {
            var before = await DueAtAsync(host, id);
            time.Advance(Test.Lease / 3);
            await WaitUntilAsync(async () => await DueAtAsync(host, id) > before);
            Assert.Empty(await other.ClaimAsync("test", 10, Test.Lease, Ct));
        }

        finish.SetResult();
        await WaitUntilAsync(async () => (await host.Get<JobQueue>().StatsAsync(Ct)).Count == 0);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Stop_WhileTheHandlerRuns_JobGoesBackDueWithoutCountingTheAttempt(string engine)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await CoreHost.StartAsync(engine, services => services
            .AddJobHandler<DelegateHandler>(Test)
            .AddSingleton<Func<ClaimedJob, JobOutcomes, CancellationToken, Task>>(async (_, _, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }));
        await host.Get<JobQueue>().EnqueueAsync(new NewJob("test", "{}"), Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await host.StopAsync();

        var stats = Assert.Single(await host.Get<JobQueue>().StatsAsync(Ct));
        Assert.Equal((1L, 0L, 0L), (stats.Due, stats.Running, stats.Dead));
        Assert.Equal(0, await host.CountAsync("SELECT attempts FROM jobs WHERE queue = 'test' AND lease_token IS NULL AND @ws = @ws"));
    }

    private static Task<long> DueAtAsync(CoreHost host, long id) => host.CountAsync($"SELECT due_at FROM jobs WHERE id = {id} AND @ws = @ws");

    // The worker runs on its own; wait (bounded) for what it does to show in the store.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("The worker did not get there within 30 seconds.");
    }
}
