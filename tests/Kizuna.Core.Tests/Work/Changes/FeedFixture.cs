using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Work.Changes;

/// <summary>A migrated store with the feed's parts over it, on a fake clock.</summary>
internal sealed class FeedFixture(TestStore store)
{
    public const long Ws = 1;

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public TestStore Store => store;

    public ChangeFeedOptions Options { get; } = new() { LeaseDuration = Lease, Retention = TimeSpan.FromDays(1) };

    public ChangeFeed Feed => new(store.Database, Time, []);

    public ChangeCursorStore Cursors => new(store.Database, Time, Microsoft.Extensions.Options.Options.Create(Options));

    public IngestStore Ingest => new(store.Database, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), Kizuna.Work.ProfileData.CoreProfileData.Registry, Time);

    /// <summary>A worker stepped round by round; with <paramref name="overlapMoves"/> its cursor moves run on past a round, as on a node.</summary>
    public ChangeConsumerWorker Worker(IChangeConsumer consumer, string node, bool overlapMoves = false) =>
        new(consumer, Feed, Cursors, node, Lease, Time, overlapMoves);

    /// <summary>Commits one batch of track events with the given messageIds, one user each, and waits until a reader can see it.</summary>
    public async Task WriteAsync(params string[] messageIds)
    {
        await WriteUnsettledAsync(messageIds);
        await SettleAsync();
    }

    public async Task WriteUnsettledAsync(params string[] messageIds) =>
        await Ingest.WriteAsync([new IngestBatch(Ws, [.. messageIds.Select(id => Messages.Track($"user-{id}", null, "Product Viewed", messageId: id))])],
            TestContext.Current.CancellationToken);

    /// <summary>
    /// On PostgreSQL, waits until the changes written so far are readable: the visibility horizon is the whole
    /// server's, so a transaction of another test (in another database) that began before them holds them back too,
    /// for as long as it runs (minutes for a big import on a machine loaded with other work).
    /// </summary>
    public async Task SettleAsync()
    {
        if (store.Database.Kind != StoreKind.Postgres)
        {
            return;
        }

        var ct = TestContext.Current.CancellationToken;
        await using var connection = await store.Database.OpenAsync(ct);
        var last = await connection.ExecuteScalarAsync<long?>("SELECT max(tx) FROM changes") ?? 0;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await connection.ExecuteScalarAsync<long>($"SELECT {store.Database.Dialect.VisibleHorizon}") <= last)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(5), "A transaction on the PostgreSQL server held the changes back for five minutes.");
            await Task.Delay(20, ct);
        }
    }

    /// <summary>Runs a worker until it has nothing more to hand over; the total handled.</summary>
    public static async Task<int> DrainAsync(ChangeConsumerWorker worker)
    {
        var total = 0;
        while (await worker.RunOnceAsync(TestContext.Current.CancellationToken) is int handled and > 0)
        {
            total += handled;
        }

        return total;
    }
}
