using Kizuna.Storage;

namespace Kizuna.Work.Changes;

/// <summary>
/// The next batch is read and handled while the cursor moves; these hold that it is handed over only where it belongs.
/// </summary>
public sealed class ChangeConsumerWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RunOnceAsync_BehindTheFeed_HandsEveryChangeOnceInOrderIncludingThoseCommittedAfterTheReadAhead(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var consumer = new RecordingConsumer("segments", batchSize: 1);
        var worker = f.Worker(consumer, "node-a");
        await worker.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        await f.WriteAsync("m-2");
        await f.WriteAsync("m-3");

        Assert.Equal(1, await worker.RunOnceAsync(Ct));   // m-1, with m-2 read ahead
        await f.WriteAsync("m-4");
        Assert.Equal(3, await FeedFixture.DrainAsync(worker));

        Assert.Equal(["m-1", "m-2", "m-3", "m-4"], consumer.MessageIds);
        Assert.Equal(consumer.Changes.Select(c => c.Position).Order(), consumer.Changes.Select(c => c.Position));
        Assert.Equal(0, Assert.Single(await f.Feed.LagAsync(Ct)).Behind);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RunOnceAsync_AnotherNodeHandledTheBatchReadAhead_ItIsNotHandedAgain(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var (a, b) = (new RecordingConsumer("journeys", batchSize: 1), new RecordingConsumer("journeys"));
        var (nodeA, nodeB) = (f.Worker(a, "node-a"), f.Worker(b, "node-b"));
        await nodeA.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        await f.WriteAsync("m-2");
        Assert.Equal(1, await nodeA.RunOnceAsync(Ct));   // m-1, with m-2 read ahead

        f.Time.Advance(FeedFixture.Lease);               // node A stalls; node B takes over, then stops cleanly
        Assert.Equal(1, await nodeB.RunOnceAsync(Ct));
        await nodeB.ReleaseAsync(Ct);

        Assert.Equal(0, await nodeA.RunOnceAsync(Ct));   // leases again, after m-2: the batch it read ahead is stale
        Assert.Equal(["m-1"], a.MessageIds);
        Assert.Equal(["m-2"], b.MessageIds);
    }

    [Fact]
    public async Task RunOnceAsync_CursorMoveWaitingForTheWriter_NextBatchIsHandledMeanwhile()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var consumer = new RecordingConsumer("segments", batchSize: 1);
        var worker = f.Worker(consumer, "node-a", overlapMoves: true);
        await worker.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        await f.WriteAsync("m-2");

        var turn = await ((SqliteDatabase)store.Database).WriteTurnAsync(Ct);   // the ingestion writer's commit in progress
        Assert.Equal(1, await worker.RunOnceAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct));   // m-1; its move waits for the turn
        var second = worker.RunOnceAsync(Ct);
        while (consumer.Changes.Count < 2 && !second.IsCompleted)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(["m-1", "m-2"], consumer.MessageIds);   // m-2 handed over while m-1's move still waits
        turn.Dispose();
        Assert.Equal(1, await second);
        Assert.Equal(0, await FeedFixture.DrainAsync(worker));
        Assert.Equal(0, Assert.Single(await f.Feed.LagAsync(Ct)).Behind);
    }

    [Fact]
    public async Task ReleaseAsync_LastMoveCancelledByTheStop_GivesTheLeaseBackAndTheBatchIsHandedAgain()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var (a, b) = (new RecordingConsumer("segments"), new RecordingConsumer("segments"));
        var (nodeA, nodeB) = (f.Worker(a, "node-a", overlapMoves: true), f.Worker(b, "node-b"));
        await nodeA.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var turn = await ((SqliteDatabase)store.Database).WriteTurnAsync(Ct);
        Assert.Equal(1, await nodeA.RunOnceAsync(stopping.Token).WaitAsync(TimeSpan.FromMinutes(1), Ct));   // m-1; its move waits
        await stopping.CancelAsync();   // the node stops while the move waits for the writer
        turn.Dispose();
        await nodeA.ReleaseAsync(Ct);

        Assert.Equal(1, await nodeB.RunOnceAsync(Ct));   // the lease is free at once, and m-1 comes again
        Assert.Equal(["m-1"], a.MessageIds);
        Assert.Equal(["m-1"], b.MessageIds);
    }
}
