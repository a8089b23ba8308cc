using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.Changes;

public sealed class ChangeFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAsync_CommittedBatches_EveryEventInCommitOrderWithProfilesAndMerges(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        await f.WriteAsync("m-1", "m-2");
        await f.WriteAsync("m-1");   // only a repeat: nothing new to feed
        await f.Ingest.WriteAsync([new IngestBatch(FeedFixture.Ws, [
            Track(null, "anon-1", "Product Viewed", messageId: "m-3"),
            Identify("user-m-1", "anon-1", """{"plan":"gold"}""") with { MessageId = "m-4" },
        ])], Ct);
        await f.SettleAsync();

        var changes = await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct);

        Assert.Equal(2, changes.Count);
        Assert.True(changes[0].Position < changes[1].Position);
        Assert.Equal(["m-1", "m-2"], changes[0].Events.Select(e => e.MessageId));
        Assert.Equal(["m-3", "m-4"], changes[1].Events.Select(e => e.MessageId));
        Assert.Equal(f.Time.GetUtcNow(), changes[0].CommittedAt);
        Assert.Equal("""{}""", changes[0].Events[0].PropertiesJson);
        Assert.Equal(2, changes[0].ChangedProfiles.Count);
        var merge = Assert.Single(changes[1].Merges);
        Assert.Equal([(FeedFixture.Ws, merge.Into)], changes[1].ChangedProfiles);
        Assert.All(changes[1].Events, e => Assert.Equal(merge.Into, e.ProfileId));
        Assert.Empty(await f.Feed.ReadAsync(changes[1].Position, 10, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAsync_WithoutProperties_SameEventsWithoutTheirJson(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        await f.Ingest.WriteAsync([new IngestBatch(FeedFixture.Ws, [
            Track(null, "anon-1", "Product Viewed", messageId: "m-1") with { PropertiesJson = """{"sku":"S1"}""" },
            Identify("user-1", "anon-1", """{"plan":"gold"}""") with { MessageId = "m-2" },
        ])], Ct);
        await f.SettleAsync();

        var full = Assert.Single(await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct));
        var lean = Assert.Single(await f.Feed.ReadAsync(ChangePosition.Start, 10, properties: false, Ct));

        Assert.Contains("S1", full.Events[0].PropertiesJson, StringComparison.Ordinal);
        Assert.All(lean.Events, e => Assert.Null(e.PropertiesJson));
        Assert.Equal(full.Events.Select(e => e with { PropertiesJson = null }), lean.Events);
        Assert.Equal(full.ChangedProfiles, lean.ChangedProfiles);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EraseAsync_Profile_ConsumerSeesTheErasureAndNoneOfItsEvents(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var consumer = new RecordingConsumer("segments", batchSize: 10);
        var worker = f.Worker(consumer, "node-a");
        await worker.RunOnceAsync(Ct);
        await f.WriteAsync("kept", "erased");
        long erased;
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            erased = await connection.ExecuteScalarAsync<long>("SELECT profile_id FROM identities WHERE value = 'user-erased'");
        }

        var privacy = new Kizuna.Profiles.PrivacyService(store.Database, new Kizuna.Profiles.ProfileService(store.Database), Kizuna.Work.ProfileData.CoreProfileData.Registry, f.Time, []);

        Assert.True(await privacy.EraseAsync(FeedFixture.Ws, erased, suppress: false, Ct));
        await f.SettleAsync();
        await FeedFixture.DrainAsync(worker);

        Assert.Equal(["kept"], consumer.MessageIds);
        Assert.Equal([(FeedFixture.Ws, erased)], consumer.Changes[^1].Erased);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RunOnceAsync_NewConsumer_StartsAtTheEndAndSeesEveryLaterEventOnce(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        await f.WriteAsync("before-1");
        var consumer = new RecordingConsumer("segments", batchSize: 2);
        var worker = f.Worker(consumer, "node-a");
        Assert.Equal(0, await worker.RunOnceAsync(Ct));

        for (var i = 0; i < 5; i++)
        {
            await f.WriteAsync($"after-{i}-a", $"after-{i}-b");
        }

        Assert.Equal(5, await FeedFixture.DrainAsync(worker));
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(i => new[] { $"after-{i}-a", $"after-{i}-b" }), consumer.MessageIds);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RunOnceAsync_ConsumerRestarted_ResumesAfterItsCursorAndRepeatsAFailedBatch(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var first = new RecordingConsumer("export");
        var before = f.Worker(first, "node-a/1");
        await before.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        await f.WriteAsync("m-2");
        await FeedFixture.DrainAsync(before);
        await f.WriteAsync("m-3");
        first.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => before.RunOnceAsync(Ct));
        await before.ReleaseAsync(Ct);   // the process stops

        var second = new RecordingConsumer("export");
        await f.WriteAsync("m-4");
        Assert.Equal(2, await FeedFixture.DrainAsync(f.Worker(second, "node-a/2")));

        Assert.Equal(["m-1", "m-2"], first.MessageIds);
        Assert.Equal(["m-3", "m-4"], second.MessageIds);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RunOnceAsync_LeaseHeldByAnotherNode_WaitsThenTakesOverWhenItExpires(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var (a, b) = (new RecordingConsumer("journeys"), new RecordingConsumer("journeys"));
        var (nodeA, nodeB) = (f.Worker(a, "node-a"), f.Worker(b, "node-b"));
        await nodeA.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");

        Assert.Null(await nodeB.RunOnceAsync(Ct));
        Assert.Equal(1, await nodeA.RunOnceAsync(Ct));
        await f.WriteAsync("m-2");
        f.Time.Advance(FeedFixture.Lease / 2);
        Assert.Null(await nodeB.RunOnceAsync(Ct));   // node A's last cursor move extended its lease

        f.Time.Advance(FeedFixture.Lease);           // node A died
        Assert.Equal(1, await nodeB.RunOnceAsync(Ct));
        await f.WriteAsync("m-3");
        Assert.Null(await nodeA.RunOnceAsync(Ct));   // back from a stall: the lease is node B's now
        Assert.Equal(1, await nodeB.RunOnceAsync(Ct));

        Assert.Equal(["m-1"], a.MessageIds);
        Assert.Equal(["m-2", "m-3"], b.MessageIds);
        var lag = Assert.Single(await f.Feed.LagAsync(Ct));
        Assert.Equal(new ConsumerLag("journeys", "node-b", 0, TimeSpan.Zero, f.Time.GetUtcNow()), lag);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task LagAsync_ConsumerBehind_CountsChangesAndTimeSinceTheOldest(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var worker = f.Worker(new RecordingConsumer("webhooks"), "node-a");
        await f.WriteAsync("m-0");
        await worker.RunOnceAsync(Ct);
        var positionAt = f.Time.GetUtcNow();
        f.Time.Advance(TimeSpan.FromSeconds(5));
        await f.WriteAsync("m-1");
        f.Time.Advance(TimeSpan.FromSeconds(2));
        await f.WriteAsync("m-2");
        f.Time.Advance(TimeSpan.FromSeconds(1));

        var lag = Assert.Single(await f.Feed.LagAsync(Ct));

        Assert.Equal(new ConsumerLag("webhooks", "node-a", 2, TimeSpan.FromSeconds(3), positionAt), lag);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PruneAsync_OldChangesEveryConsumerPassed_DeletedOthersKept(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var (fast, slow) = (f.Worker(new RecordingConsumer("fast"), "node-a"), f.Worker(new RecordingConsumer("slow", batchSize: 1), "node-a"));
        await fast.RunOnceAsync(Ct);
        await slow.RunOnceAsync(Ct);
        await f.WriteAsync("m-1");
        await f.WriteAsync("m-2");
        await f.WriteAsync("m-3");
        await FeedFixture.DrainAsync(fast);
        await slow.RunOnceAsync(Ct);            // slow has passed m-1 only
        f.Time.Advance(TimeSpan.FromDays(2));
        await f.WriteAsync("m-4");              // within the retention
        await FeedFixture.DrainAsync(fast);
        await slow.RunOnceAsync(Ct);            // renews its lease, now at m-2

        Assert.Equal(2, await f.Cursors.PruneAsync(100, Ct));

        var left = await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct);
        Assert.Equal(["m-3", "m-4"], left.SelectMany(c => c.Events).Select(e => e.MessageId));
        await using var connection = await store.Database.OpenAsync(Ct);
        Assert.Equal(4, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events"));
        Assert.Equal(2, await FeedFixture.DrainAsync(slow));
    }
}
