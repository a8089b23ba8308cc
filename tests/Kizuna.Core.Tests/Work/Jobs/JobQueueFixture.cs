using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Work.Jobs;

/// <summary>A migrated store, a fake clock and a job queue on it (more queues, as other nodes, on request).</summary>
public sealed class JobQueueFixture : IAsyncDisposable
{
    private JobQueueFixture(TestStore store, JobOptions options)
    {
        Store = store;
        Options = options;
        Queue = NewNode();
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public TestStore Store { get; }

    public JobOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public JobQueue Queue { get; }

    public static async Task<JobQueueFixture> CreateAsync(string engine, JobOptions? options = null) =>
        new(await TestStore.CreateAsync(engine, TestContext.Current.CancellationToken), options ?? new JobOptions());

    /// <summary>Another node's queue on the same database and clock.</summary>
    public JobQueue NewNode(Database? database = null) =>
        new(database ?? Store.Database, new NodeIdentity(), new JobSignal(), [], Microsoft.Extensions.Options.Options.Create(Options), Time);

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
