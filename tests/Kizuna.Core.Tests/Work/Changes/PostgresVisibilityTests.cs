using Kizuna.Ingestion;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.Changes;

/// <summary>
/// The way a feed ordered by id fails on PostgreSQL: a writer takes the lower id and is still open while a second
/// writer commits a higher one. A reader must wait for the open one rather than pass it.
/// </summary>
public sealed class PostgresVisibilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunOnceAsync_OlderTransactionStillOpen_DoesNotPassItAndSeesEveryEventOnce()
    {
        await using var store = await TestStore.CreateAsync("postgres", Ct);
        var f = new FeedFixture(store);
        var consumer = new RecordingConsumer("segments");
        var worker = f.Worker(consumer, "node-a");
        await worker.RunOnceAsync(Ct);
        await f.WriteAsync("first");

        // Another workspace, so the two writers share no row (one process writes one slot of the daily roll-up).
        await using (var slow = await store.Database.OpenAsync(Ct))
        {
            await using var open = await slow.BeginTransactionAsync(Ct);
            var (_, held) = await new BatchWriter(slow, open, store.Database.Dialect, new IngestionOptions(), Kizuna.Work.ProfileData.CoreProfileData.Registry, f.Time)
                .WriteAsync([new IngestBatch(FeedFixture.Ws + 1, [Track("user-slow", null, "Product Viewed", messageId: "slow")])], Ct);
            await f.WriteUnsettledAsync("fast-1");
            await f.WriteUnsettledAsync("fast-2");

            Assert.Equal(1, await FeedFixture.DrainAsync(worker));
            Assert.Equal(["first"], consumer.MessageIds);
            var lag = Assert.Single(await f.Feed.LagAsync(Ct));
            Assert.Equal(2, lag.Behind);   // committed and waiting behind the open one, which is not counted before it commits

            await open.CommitAsync(Ct);
            Assert.NotNull(held.Change);
        }

        await f.WriteAsync("last");
        Assert.Equal(4, await FeedFixture.DrainAsync(worker));
        Assert.Equal(["first", "slow", "fast-1", "fast-2", "last"], consumer.MessageIds);
    }
}
