using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.Changes;

public sealed class RecentChangesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_JustCommitted_TheSameChangesFromMemoryAsFromTheStore()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var recent = new RecentChanges(store.Database);
        await WriteAsync(f, recent, Track("user-1", null, "Product Viewed", messageId: "m-1") with { PropertiesJson = """{"sku":"S1","price":9.5}""" },
            Track("user-2", null, "Product Viewed", messageId: "m-2"));
        await WriteAsync(f, recent, Track(null, "anon-1", "Product Viewed", messageId: "m-3"),
            Identify("user-1", "anon-1", """{"plan":"gold"}""") with { MessageId = "m-4" });

        var held = recent.TryRead(ChangePosition.Start, 10);
        var stored = await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct);

        Assert.NotNull(held);
        Assert.Equal(2, held.Count);
        Assert.Equal(Describe(stored), Describe(held));
        Assert.Equal(Describe(stored), Describe(await new ChangeFeed(store.Database, f.Time, [], recent).ReadAsync(ChangePosition.Start, 10, properties: false, Ct)));
        Assert.Null(recent.TryRead(held[^1].Position, 10));   // caught up: nothing after the last commit
    }

    [Fact]
    public async Task ReadAsync_ChangeCommittedByAnotherWriter_ReadFromTheStoreAndNothingSkipped()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var recent = new RecentChanges(store.Database);
        var feed = new ChangeFeed(store.Database, f.Time, [], recent);
        await WriteAsync(f, recent, Track("user-1", null, "Product Viewed", messageId: "m-1"));
        await f.WriteAsync("m-2");   // not seen here, as an erasure's change or another process's commit is not
        await WriteAsync(f, recent, Track("user-3", null, "Product Viewed", messageId: "m-3"));

        var first = await feed.ReadAsync(ChangePosition.Start, 10, Ct);
        var rest = await feed.ReadAsync(first[^1].Position, 10, Ct);

        Assert.Equal(["m-1"], first.SelectMany(c => c.Events).Select(e => e.MessageId));   // memory stops at the gap
        Assert.Equal(["m-2", "m-3"], rest.SelectMany(c => c.Events).Select(e => e.MessageId));
    }

    [Fact]
    public async Task OnErasedAsync_ErasedCustomer_HisEventsNoLongerHandedOver()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var recent = new RecentChanges(store.Database);
        await WriteAsync(f, recent, Track("user-1", null, "Product Viewed", messageId: "m-1"), Track("user-2", null, "Product Viewed", messageId: "m-2"));
        var erased = recent.TryRead(ChangePosition.Start, 1)![0].Events[0].ProfileId;

        await recent.OnErasedAsync(FeedFixture.Ws, [erased], Ct);

        var change = Assert.Single(recent.TryRead(ChangePosition.Start, 10)!);
        Assert.Equal(["m-2"], change.Events.Select(e => e.MessageId));
    }

    [Fact]
    public async Task TryRead_MoreEventsThanHeld_OldestChangesLeftToTheStore()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var f = new FeedFixture(store);
        var recent = new RecentChanges(store.Database, maxEvents: 3);
        await WriteAsync(f, recent, Track("user-1", null, "Product Viewed", messageId: "m-1"), Track("user-2", null, "Product Viewed", messageId: "m-2"));
        await WriteAsync(f, recent, Track("user-3", null, "Product Viewed", messageId: "m-3"));
        await WriteAsync(f, recent, Track("user-4", null, "Product Viewed", messageId: "m-4"), Track("user-5", null, "Product Viewed", messageId: "m-5"));

        var stored = await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct);

        Assert.Null(recent.TryRead(ChangePosition.Start, 10));
        Assert.Equal(["m-4", "m-5"], recent.TryRead(stored[1].Position, 10)!.SelectMany(c => c.Events).Select(e => e.MessageId));
    }

    [Fact]
    public async Task TryRead_PostgreSql_HoldsNothing()
    {
        await using var store = await TestStore.CreateAsync("postgres", Ct);
        var f = new FeedFixture(store);
        var recent = new RecentChanges(store.Database);
        await WriteAsync(f, recent, Track("user-1", null, "Product Viewed", messageId: "m-1"));
        await f.SettleAsync();

        var stored = Assert.Single(await new ChangeFeed(store.Database, f.Time, [], recent).ReadAsync(ChangePosition.Start, 10, Ct));

        Assert.Null(recent.TryRead(ChangePosition.Start, 10));
        Assert.Null(recent.TryRead(stored.Position with { Id = stored.Position.Id - 1 }, 10));
    }

    private static async Task WriteAsync(FeedFixture f, RecentChanges recent, params IngestMessage[] messages)
    {
        var (_, committed) = await f.Ingest.WriteAsync([new IngestBatch(FeedFixture.Ws, messages)], Ct);
        await recent.OnCommittedAsync(committed, Ct);
    }

    /// <summary>Every field of the changes, as text: the changes' lists compare by reference.</summary>
    private static string Describe(IReadOnlyList<Change> changes) => JsonSerializer.Serialize(changes.Select(c => new
    {
        c.Position,
        c.CommittedAt,
        Events = c.Events.Select(e => e with { PropertiesJson = e.PropertiesJson is { } json ? JsonDocument.Parse(json).RootElement.GetRawText() : null }),
        ChangedProfiles = c.ChangedProfiles.Select(p => new[] { p.WorkspaceId, p.ProfileId }),
        c.Merges,
        Erased = c.Erased.Select(p => new[] { p.WorkspaceId, p.ProfileId }),
    }));
}
