using Dapper;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// The rules no table of Kizuna.Core uses yet, on tables of the shapes features will add: preferences where the
/// survivor's choice wins, and sends kept for a campaign's totals after the customer is erased.
/// </summary>
public sealed class RegistryRulesTests
{
    private const long Ws = 1;

    private static readonly ProfileTable Preferences = new("test_preferences") { OnMerge = MergeRule.KeepSurvivor("channel") };

    private static readonly ProfileTable Sends = new("test_sends") { OnErase = EraseRule.Anonymise("address") };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MergeThenErase_KeepSurvivorAndAnonymise_KeepTheSurvivorsChoiceAndTheCampaignsSends(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var registry = new ProfileDataRegistry([.. CoreProfileData.Registry.Tables, Preferences, Sends]);
        var ingest = CustomerData.Ingest(store, registry);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, "{}"), Page(null, "visitor")])], Ct);
        var profiles = new ProfileService(store.Database);
        var u1 = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!.Value;
        var visitor = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "visitor"), Ct))!.Value;
        await using var connection = await store.Database.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            CREATE TABLE test_preferences (workspace_id bigint NOT NULL, profile_id bigint NOT NULL, channel text NOT NULL, choice text NOT NULL,
                PRIMARY KEY (workspace_id, profile_id, channel));
            CREATE TABLE test_sends (workspace_id bigint NOT NULL, profile_id bigint NOT NULL, campaign text NOT NULL, address text);
            """);
        await connection.ExecuteAsync("INSERT INTO test_preferences VALUES (1, @u1, 'email', 'yes'), (1, @visitor, 'email', 'no'), (1, @visitor, 'sms', 'yes')", new { u1, visitor });
        await connection.ExecuteAsync("INSERT INTO test_sends VALUES (1, @visitor, 'welcome', 'visitor@example.com'), (1, 999, 'welcome', 'other@example.com')", new { visitor });

        await ingest.WriteAsync([new IngestBatch(Ws, [Track("u1", "visitor", "Signed In")])], Ct);

        Assert.Equal([(u1, "email", "yes"), (u1, "sms", "yes")],
            await connection.QueryAsync<(long, string, string)>("SELECT profile_id, channel, choice FROM test_preferences ORDER BY channel"));
        Assert.Equal(u1, await connection.QuerySingleAsync<long>("SELECT profile_id FROM test_sends WHERE address = 'visitor@example.com'"));

        Assert.True(await new PrivacyService(store.Database, profiles, registry, TimeProvider.System, []).EraseAsync(Ws, u1, suppress: false, Ct));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM test_preferences"));
        Assert.Equal([(0L, "welcome", (string?)null), (999L, "welcome", "other@example.com")],
            await connection.QueryAsync<(long, string, string?)>("SELECT profile_id, campaign, address FROM test_sends ORDER BY profile_id"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Merge_AddUpWithAMissingTime_KeepsTheTimeThatIsThere(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var registry = new ProfileDataRegistry([.. CoreProfileData.Registry.Tables,
            new ProfileTable("test_totals") { OnMerge = MergeRule.AddUp(key: ["name"], sum: ["n"], min: ["first_at"], max: ["last_at"]) }]);
        var ingest = CustomerData.Ingest(store, registry);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, "{}"), Page(null, "visitor")])], Ct);
        var profiles = new ProfileService(store.Database);
        var u1 = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "u1"), Ct))!.Value;
        var visitor = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.AnonymousId, "visitor"), Ct))!.Value;
        await using var connection = await store.Database.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "CREATE TABLE test_totals (workspace_id bigint NOT NULL, profile_id bigint NOT NULL, name text NOT NULL, n bigint NOT NULL, first_at bigint, last_at bigint, PRIMARY KEY (workspace_id, profile_id, name))");
        await connection.ExecuteAsync(
            "INSERT INTO test_totals VALUES (1, @u1, 'a', 1, NULL, NULL), (1, @visitor, 'a', 2, 100, 200), (1, @u1, 'b', 1, 50, 300), (1, @visitor, 'b', 1, NULL, NULL)",
            new { u1, visitor });

        await ingest.WriteAsync([new IngestBatch(Ws, [Track("u1", "visitor", "Signed In")])], Ct);

        // SQLite's min(NULL, 100) is NULL where PostgreSQL's LEAST(NULL, 100) is 100: the merge must give 100 on both.
        Assert.Equal([(u1, "a", 3L, 100L, 200L), (u1, "b", 2L, 50L, 300L)],
            await connection.QueryAsync<(long, string, long, long, long)>("SELECT profile_id, name, n, first_at, last_at FROM test_totals ORDER BY name"));
    }

    [Fact]
    public void Registry_TableReachedThroughAnUnregisteredParent_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ProfileDataRegistry([ProfileTable.Through("order_lines", parent: "orders", key: "order_id")]));

        Assert.Contains("orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_TableRegisteredTwice_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new ProfileDataRegistry([new ProfileTable("events"), new ProfileTable("events")]));

    [Fact]
    public void Registry_NameThatIsNotAPlainSqlName_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new ProfileDataRegistry([new ProfileTable("events; DROP TABLE profiles")]));
}
