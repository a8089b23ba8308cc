using Dapper;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

public sealed class IngestStoreTests
{
    private const long Ws = 1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_RepeatedMessageIds_StoresEachOnce(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        var first = Track("u1", null, "Product Viewed", messageId: "m-1");

        var (results, _) = await ingest.WriteAsync([new IngestBatch(Ws, [first, first with { }])], Ct);
        var (retry, _) = await ingest.WriteAsync([new IngestBatch(Ws, [first, Track("u1", null, "Product Viewed", messageId: "m-2")])], Ct);

        Assert.Equal(new IngestResult(1, 1, 0), results[0]);
        Assert.Equal(new IngestResult(1, 1, 0), retry[0]);
        Assert.Equal(2, await CountAsync(store, "SELECT COUNT(*) FROM events"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_RetryWithNewSentAt_IsARepeat(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        var parser = new SegmentParser(new IngestionOptions());
        IngestMessage Sent(string sentAt, DateTimeOffset receivedAt)
        {
            using var json = System.Text.Json.JsonDocument.Parse($$"""
                {"type":"track","userId":"u1","event":"Product Viewed","messageId":"m-1","timestamp":"2026-11-01T08:59:00Z","sentAt":"{{sentAt}}"}
                """);
            return parser.Parse(json.RootElement, 0, null, null, receivedAt).Message!;
        }

        var (first, _) = await ingest.WriteAsync([new IngestBatch(Ws, [Sent("2026-11-01T09:00:00Z", T0)])], Ct);
        var (retry, _) = await ingest.WriteAsync([new IngestBatch(Ws, [Sent("2026-11-01T09:05:00Z", T0.AddMinutes(5).AddSeconds(3))])], Ct);

        Assert.Equal(new IngestResult(1, 0, 0), first[0]);
        Assert.Equal(new IngestResult(0, 1, 0), retry[0]);
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM events"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_RepeatInTheSameCommit_WithAStatedTime_IsStoredOnce(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var message = Track("u1", null, "Product Viewed", messageId: "m-1") with { StatedTimestamp = T0.AddSeconds(-1) };

        var (results, _) = await Store(store).WriteAsync([new IngestBatch(Ws, [message]), new IngestBatch(Ws, [message with { }])], Ct);

        Assert.Equal([new IngestResult(1, 0, 0), new IngestResult(0, 1, 0)], results);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_SameMessageIdStatedAtAnotherTime_IsANewMessage(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var first = Track("u1", null, "Product Viewed", messageId: "m-1") with { StatedTimestamp = T0 };

        var (results, _) = await Store(store).WriteAsync([new IngestBatch(Ws, [first, first with { StatedTimestamp = T0.AddDays(1) }])], Ct);

        Assert.Equal(new IngestResult(2, 0, 0), results[0]);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_SameMessageIdInTwoWorkspaces_StoresBoth(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var message = Track("u1", null, "Signed Up", messageId: "shared-id");

        var (results, _) = await Store(store).WriteAsync([new IngestBatch(1, [message]), new IngestBatch(2, [message])], Ct);

        Assert.All(results, r => Assert.Equal(1, r.Stored));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_IdentifyThenActivity_KeepsTraitsAndAggregates(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);

        await ingest.WriteAsync([new IngestBatch(Ws, [
            Identify("u1", null, """{"email":"Hanako@Example.com","firstName":"花子","plan":"gold"}"""),
            Page("u1", null, T0.AddMinutes(1)),
            Track("u1", null, "Product Viewed", T0.AddMinutes(2)),
        ])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Page("u1", null, T0.AddMinutes(50)),
            Identify("u1", null, """{"plan":"platinum"}""", T0.AddMinutes(51)),
        ])], Ct);

        var profile = (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Email, "hanako@example.com"), Ct))!;
        Assert.Equal("花子", profile.Profile.DisplayName);
        Assert.Equal("platinum", profile.Profile.Traits["plan"]!.GetValue<string>());
        Assert.Equal(5, profile.Profile.Aggregates.Events);
        Assert.Equal(2, profile.Profile.Aggregates.PageViews);
        Assert.Equal(2, profile.Profile.Aggregates.Sessions);
        Assert.Equal(T0, profile.Profile.Aggregates.FirstSeen);
        Assert.Equal(T0.AddMinutes(51), profile.Profile.Aggregates.LastSeen);
        Assert.Contains(profile.EventCounts, c => c is { Name: "$page", Count: 2 });
        Assert.Equal(2, await CountAsync(store, "SELECT SUM(count) FROM daily_counts WHERE name = '$page'"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_EmailChangedInALaterCommit_FindsTheProfileByTheNewEmailOnly(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        var profiles = new ProfileService(store.Database);

        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, """{"email":"old@example.com"}""")])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Page("u1", null, T0.AddMinutes(1))])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, """{"email":"new@example.com"}""", T0.AddMinutes(2))])], Ct);

        Assert.Null(await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Email, "old@example.com"), Ct));
        var found = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Email, "new@example.com"), Ct))!;
        Assert.Equal((3, 1), (found.Profile.Aggregates.Events, found.Profile.Aggregates.PageViews));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_EmailTraitRemoved_EndsLookupsByTheOldAddress(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        var profiles = new ProfileService(store.Database);

        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, """{"email":"old@example.com","plan":"gold"}""")])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, """{"email":null}""", T0.AddMinutes(1))])], Ct);

        Assert.Null(await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.Email, "old@example.com"), Ct));
        var found = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!;
        Assert.Null(found.Profile.Email);
        Assert.Equal("gold", found.Profile.Traits["plan"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_ContextChangesAcrossCommits_ProfileKeepsTheNewest(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        static ProfileContext Tokyo() => new("Asia/Tokyo", "ja-JP", null, null, """{"name":"analytics.js","version":"5.2.0"}""");
        var london = new ProfileContext("Europe/London", "en-GB", """{"type":"ios"}""", null, null);

        async Task<string?> TimezoneAfterAsync(ProfileContext context, int minute)
        {
            await ingest.WriteAsync([new IngestBatch(Ws, [Page("u1", null, T0.AddMinutes(minute)) with { Context = context }])], Ct);
            var profile = (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!;
            return profile.Profile.Context["timezone"]?.GetValue<string>();
        }

        Assert.Equal("Asia/Tokyo", await TimezoneAfterAsync(Tokyo(), 1));
        Assert.Equal("Asia/Tokyo", await TimezoneAfterAsync(Tokyo(), 2));
        Assert.Equal("Europe/London", await TimezoneAfterAsync(london, 3));
        Assert.Equal("Asia/Tokyo", await TimezoneAfterAsync(Tokyo(), 4));
        var profile = (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!;
        Assert.Equal("ios", profile.Profile.Context["device"]!["type"]!.GetValue<string>());
        Assert.Equal("analytics.js", profile.Profile.Context["library"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_ContextAfterAMerge_IsTakenAgain(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var tokyo = new ProfileContext("Asia/Tokyo", "ja-JP", null, null, null);
        var london = new ProfileContext("Europe/London", "en-GB", null, null, null);

        // The anonymous visitor's traits are newer, so the merge overlays its London context; the Tokyo event that
        // caused the merge comes after it and must win.
        await Store(store).WriteAsync([new IngestBatch(Ws, [
            Page("u1", null, T0) with { Context = tokyo },
            Identify(null, "a1", """{"plan":"gold"}""", T0.AddMinutes(1)) with { Context = london },
            Track("u1", "a1", "Product Viewed", T0.AddMinutes(2)) with { Context = tokyo },
        ])], Ct);

        var profile = (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!;
        Assert.Equal("Asia/Tokyo", profile.Profile.Context["timezone"]!.GetValue<string>());
        Assert.Equal("gold", profile.Profile.Traits["plan"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_IdentifyLinksAnonymousVisitor_MergesProfiles(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Identify("u1", null, """{"plan":"free","city":"Osaka"}""", T0),
            Order("u1", "o-1", 1000, T0.AddMinutes(1)),
        ])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Identify(null, "anon-1", """{"plan":"trial","locale":"ja-JP"}""", T0.AddHours(1)),
            Track(null, "anon-1", "Product Viewed", T0.AddHours(1).AddMinutes(1)),
        ])], Ct);

        var (_, committed) = await ingest.WriteAsync([new IngestBatch(Ws, [Track("u1", "anon-1", "Product Viewed", T0.AddHours(2))])], Ct);

        var profiles = new ProfileService(store.Database);
        var byUser = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!;
        var byAnonymous = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "anon-1"), Ct))!;
        Assert.Equal(byUser.Profile.Id, byAnonymous.Profile.Id);
        Assert.Single(committed.Merges);
        Assert.Equal("trial", byUser.Profile.Traits["plan"]!.GetValue<string>());
        Assert.Equal("Osaka", byUser.Profile.Traits["city"]!.GetValue<string>());
        Assert.Equal(5, byUser.Profile.Aggregates.Events);
        Assert.Equal(1, byUser.Profile.Aggregates.Orders);
        Assert.Contains(byUser.EventCounts, c => c is { Name: "Product Viewed", Count: 2 });
        Assert.Equal(5, (await profiles.TimelineAsync(Ws, byUser.Profile.Id, null, 50, Ct)).Count);
        Assert.Equal(1, (await profiles.SearchAsync(Ws, new ProfileQuery(), Ct)).Total);
        var merged = committed.Merges[0].From.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(byUser.Profile.Id, await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.Id, merged), Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_Alias_MergesPreviousIdIntoUser(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Page(null, "visitor-9"), Identify("user-9", null, "{}", T0.AddMinutes(5))])], Ct);

        await ingest.WriteAsync([new IngestBatch(Ws, [Alias("user-9", "visitor-9", T0.AddMinutes(6))])], Ct);

        var profiles = new ProfileService(store.Database);
        var a = await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "visitor-9"), Ct);
        var u = await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "user-9"), Ct);
        Assert.Equal(u, a);
        Assert.Equal(3, (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "user-9"), Ct))!.Profile.Aggregates.Events);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_SharedDeviceOfTwoCustomers_DoesNotMergeThem(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("alice", "tablet", "{}")])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("bob", null, "{}"), Identify("bob", "tablet", "{}", T0.AddMinutes(1))])], Ct);

        var profiles = new ProfileService(store.Database);
        Assert.NotEqual(
            await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "alice"), Ct),
            await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "bob"), Ct));
        Assert.Equal(
            await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "bob"), Ct),
            await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "tablet"), Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_OrdersRetriedAndRefunded_AdjustSpend(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Order("u1", "o-1", 3000), Order("u1", "o-2", 1000, T0.AddDays(1))])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Order("u1", "o-1", 3000, T0.AddDays(2))])], Ct);

        await ingest.WriteAsync([new IngestBatch(Ws, [Refund("u1", "o-1", 500, T0.AddDays(3)), Refund("u1", "o-2", null, T0.AddDays(3))])], Ct);

        var profiles = new ProfileService(store.Database);
        var profile = (await profiles.FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!.Profile;
        var orders = await profiles.OrdersAsync(Ws, profile.Id, Ct);
        Assert.Equal(2, orders.Count);
        Assert.Equal("partially_refunded", orders.Single(o => o.OrderId == "o-1").Status);
        Assert.Equal("refunded", orders.Single(o => o.OrderId == "o-2").Status);
        Assert.Equal(2500, profile.Aggregates.TotalSpent);
        Assert.Equal(1, profile.Aggregates.Orders);
        Assert.Equal(T0, profile.Aggregates.FirstOrderAt);
        Assert.Single(orders.Single(o => o.OrderId == "o-1").Lines);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EraseAsync_WithSuppression_DropsLaterEventsForTheErasedIds(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("gone", "gone-device", """{"email":"gone@example.com"}"""), Order("gone", "o-9", 100)])], Ct);
        var profiles = new ProfileService(store.Database);
        var id = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "gone"), Ct))!.Value;

        Assert.True(await new PrivacyService(store.Database, profiles, Work.ProfileData.CoreProfileData.Registry, TimeProvider.System, []).EraseAsync(Ws, id, suppress: true, Ct));
        var (results, _) = await ingest.WriteAsync([new IngestBatch(Ws, [Track("gone", null, "Came Back"), Track(null, "gone-device", "Came Back"), Track("other", null, "Came Back")])], Ct);

        Assert.Equal(new IngestResult(1, 0, 2), results[0]);
        Assert.Null(await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "gone"), Ct));
        Assert.Equal(0, await CountAsync(store, "SELECT COUNT(*) FROM orders"));
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM events"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExportAsync_Profile_HoldsTraitsOrdersAndEvents(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await Store(store).WriteAsync([new IngestBatch(Ws, [Identify("u1", null, """{"name":"佐藤 美咲"}"""), Order("u1", "o-1", 4200)])], Ct);
        var profiles = new ProfileService(store.Database);
        var id = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!.Value;

        var export = (await new PrivacyService(store.Database, profiles, Work.ProfileData.CoreProfileData.Registry, TimeProvider.System, []).ExportAsync(Ws, id, Ct))!;

        Assert.Equal("佐藤 美咲", export["profile"]!["profile"]!["traits"]!["name"]!.GetValue<string>());
        Assert.Equal(2, export["tables"]!["events"]!.AsArray().Count);
        var order = export["tables"]!["orders"]![0]!;
        Assert.Equal("o-1", order["order_id"]!.GetValue<string>());
        Assert.Equal(4200m, order["total"]!.GetValue<decimal>());
        Assert.Single(export["tables"]!["order_lines"]!.AsArray());
    }

    private static IngestStore Store(TestStore store) => new(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);

    private static async Task<long> CountAsync(TestStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
