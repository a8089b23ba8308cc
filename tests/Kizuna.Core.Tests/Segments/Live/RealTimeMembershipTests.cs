using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kizuna.Segments.Live;

public sealed class RealTimeMembershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Ingest_ProfileStartsToQualify_EntersOnceWithTheSegmentEventAndLeavesWhenItStops(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine);
        var segment = await live.CreateAsync("Buyers", """performed("Order Completed", count >= 2)""");
        await live.ComputedAsync(segment);

        await live.IngestAsync(live.Track("u-1", "Order Completed"), live.Track("u-1", "Order Completed"));
        var profile = await live.ProfileOfAsync("u-1");
        await live.UntilAsync(async () => (await live.MembersAsync(segment)).Contains(profile));

        var entered = Assert.Single(await live.EventsAsync(SegmentEvents.Entered, profile));
        Assert.StartsWith(SegmentEvents.MessageIdPrefix, entered, StringComparison.Ordinal);
        await using var connection = await live.Core.Get<Database>().OpenAsync(Ct);
        var properties = JsonDocument.Parse(await connection.ExecuteScalarAsync<string>(
            "SELECT properties FROM events WHERE message_id = @entered", new { entered }) ?? "{}").RootElement;
        Assert.Equal(segment.Id, properties.GetProperty("segment_id").GetInt64());
        Assert.Equal("Buyers", properties.GetProperty("segment_name").GetString());
        var sizes = await live.Segments.SizeHistoryAsync(live.Ws, segment.Id, DateOnly.FromDateTime(LiveHost.Start.UtcDateTime), DateOnly.FromDateTime(LiveHost.Start.UtcDateTime), Ct);
        Assert.Equal((1L, 1L, 0L), (sizes[0].Size, sizes[0].Entered, sizes[0].Exited));
        Assert.Equal([new SegmentMembership(segment.Id, "Buyers", LiveHost.Start)], await live.Segments.ProfileSegmentsAsync(live.Ws, profile, Ct));

        // Its own Segment Entered event came back through the feed and changed nothing.
        await live.IngestAsync(live.Track("u-1", "Page Viewed"));
        await live.UntilAsync(async () => await CaughtUpAsync(live));
        Assert.Single(await live.EventsAsync(SegmentEvents.Entered, profile));
    }

    [Fact]
    public async Task Ingest_WhileAnOlderTransactionIsOpenOnTheServer_EntersOnceItEnds()
    {
        await using var live = await LiveHost.StartAsync("postgres");
        var segment = await live.CreateAsync("Buyers", """performed("Order Completed")""");
        await live.ComputedAsync(segment);

        // A transaction of another database on the same server, older than the ingestion's: the feed holds the
        // ingestion's change back until it ends, so the consumer woken by the commit finds nothing yet.
        await using var other = new NpgsqlConnection(TestStore.PostgresConnectionString);
        await other.OpenAsync(Ct);
        await using var open = await other.BeginTransactionAsync(Ct);
        await other.ExecuteAsync("SELECT txid_current()", transaction: open);
        await live.IngestAsync(live.Track("u-5", "Order Completed"));
        var profile = await live.ProfileOfAsync("u-5");
        var held = await live.Core.Get<ChangeFeed>().ReadAsync(ChangePosition.Start, 1_000, Ct);
        Assert.DoesNotContain(held.SelectMany(c => c.Events), e => e.ProfileId == profile);
        await open.CommitAsync(Ct);

        await live.UntilAsync(async () => (await live.MembersAsync(segment)).Contains(profile));
        Assert.Single(await live.EventsAsync(SegmentEvents.Entered, profile));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Ingest_TraitChanges_EntersAndLeavesAndSegmentsReadingItFollow(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine);
        var gold = await live.CreateAsync("Gold", """trait.plan = "gold" """);
        var reader = await live.CreateAsync("Gold in Japan", $"""in_segment({gold.Id}) and trait.country = "JP" """);
        await live.ComputedAsync(gold);
        await live.ComputedAsync(reader);

        await live.IngestAsync(live.Identify("u-2", """{"plan":"gold","country":"JP"}"""));
        var profile = await live.ProfileOfAsync("u-2");
        await live.UntilAsync(async () => (await live.MembersAsync(reader)).Contains(profile));
        Assert.Contains(profile, await live.MembersAsync(gold));

        await live.IngestAsync(live.Identify("u-2", """{"plan":"free"}"""));
        await live.UntilAsync(async () => (await live.MembersAsync(reader)).Length == 0);

        Assert.Empty(await live.MembersAsync(gold));
        Assert.Equal(2, (await live.EventsAsync(SegmentEvents.Exited, profile)).Length);
        Assert.Equal(0, (await live.Segments.FindAsync(live.Ws, gold.Id, Ct))!.MemberCount);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Ingest_TwoMembersMerged_CountsOneMember(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine);
        var segment = await live.CreateAsync("Viewers", """performed("Product Viewed")""");
        await live.ComputedAsync(segment);
        await live.IngestAsync(live.Track("u-6", "Product Viewed"), Messages.Track(null, "a-6", "Product Viewed", live.Time.GetUtcNow()));
        await live.UntilAsync(async () => (await live.MembersAsync(segment)).Length == 2);

        await live.IngestAsync(Messages.Alias("u-6", "a-6", live.Time.GetUtcNow()));
        var survivor = await live.ProfileOfAsync("u-6");
        await live.UntilAsync(async () => (await live.MembersAsync(segment)).Length == 1);
        await live.UntilAsync(async () => await CaughtUpAsync(live));

        Assert.Equal([survivor], await live.MembersAsync(segment));
        Assert.Equal(1, (await live.Segments.FindAsync(live.Ws, segment.Id, Ct))!.MemberCount);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandleAsync_SameChangesThreeTimes_EachEntryWrittenOnce(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        var segment = await live.CreateAsync("Viewers", """performed("Product Viewed")""");
        await live.ComputedAsync(segment);
        var feed = live.Core.Get<ChangeFeed>();
        var start = (await feed.ReadAsync(ChangePosition.Start, 1_000, Ct)) is { Count: > 0 } before ? before[^1].Position : ChangePosition.Start;
        await live.IngestAsync(live.Track("u-3", "Product Viewed"), live.Track("u-4", "Product Viewed"));
        var changes = await ReadAllAsync(live, feed, start);
        var consumer = live.Core.Services.GetServices<IChangeConsumer>().OfType<SegmentEntries>().Single();

        // A batch handed over again (the cursor was not saved before a crash) finds the rows it made.
        await consumer.HandleAsync(changes, Ct);
        await consumer.HandleAsync(changes, Ct);
        await consumer.HandleAsync(changes, Ct);

        foreach (var user in new[] { "u-3", "u-4" })
        {
            Assert.Single(await live.EventsAsync(SegmentEvents.Entered, await live.ProfileOfAsync(user)));
        }

        Assert.Equal(2, (await live.Segments.FindAsync(live.Ws, segment.Id, Ct))!.MemberCount);
    }

    private static async Task<IReadOnlyList<Change>> ReadAllAsync(LiveHost live, ChangeFeed feed, ChangePosition after)
    {
        IReadOnlyList<Change> changes = [];
        await live.UntilAsync(async () => (changes = await feed.ReadAsync(after, 1_000, Ct)).Count > 0);
        return changes;
    }

    private static async Task<bool> CaughtUpAsync(LiveHost live) =>
        (await live.Core.Get<ChangeFeed>().LagAsync(Ct)).Single(l => l.Consumer == "segments").Behind == 0;
}
