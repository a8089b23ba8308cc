using Dapper;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Ingestion;

public sealed class AccountTests
{
    private const long Ws = 1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_GroupCalls_KeepTheAccountTraitsAndTheMembership(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Group("u1", null, "acme", """{"name":"Acme","plan":"team","employees":40}""", T0.AddMinutes(5)),
            Group("u2", null, "acme", """{"plan":"old","industry":"tea"}""", T0),
        ])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Group("u1", null, "acme", """{"plan":"enterprise"}""", T0.AddMinutes(9))])], Ct);

        var detail = await FindAsync(store, "u1");

        var account = Assert.Single(detail.Accounts);
        Assert.Equal("acme", account.GroupId);
        Assert.Equal("""{"employees":40,"industry":"tea","name":"Acme","plan":"enterprise"}""", Sorted(account.Traits));
        Assert.Equal((T0.AddMinutes(5), T0.AddMinutes(9)), (account.FirstSeen, account.LastSeen));
        Assert.Equal("acme", Assert.Single((await FindAsync(store, "u2")).Accounts).GroupId);
        Assert.Contains(detail.EventCounts, c => c is { Name: "$group", Count: 2 });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WriteAsync_AnonymousMemberMergesIntoUser_CarriesTheMembership(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var ingest = Store(store);
        await ingest.WriteAsync([new IngestBatch(Ws, [Identify("u1", null, "{}"), Group(null, "anon-1", "acme", """{"name":"Acme"}""", T0.AddMinutes(1))])], Ct);
        await ingest.WriteAsync([new IngestBatch(Ws, [Group(null, "anon-2", "globex", """{"name":"Globex"}""", T0.AddMinutes(2))])], Ct);

        // One merge of a stored profile, one of a profile created in the same commit.
        await ingest.WriteAsync([new IngestBatch(Ws, [
            Track("u1", "anon-1", "Product Viewed", T0.AddMinutes(3)),
            Group(null, "anon-3", "initech", "{}", T0.AddMinutes(4)),
            Track("u1", "anon-3", "Product Viewed", T0.AddMinutes(5)),
        ])], Ct);

        Assert.Equal(["acme", "initech"], (await FindAsync(store, "u1")).Accounts.Select(a => a.GroupId).Order());
        Assert.Equal(2, await CountAsync(store, "SELECT COUNT(*) FROM account_members WHERE group_id IN ('acme', 'initech')"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EraseAsync_Member_RemovesTheMembershipAndAnAccountLeftEmpty(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await Store(store).WriteAsync([new IngestBatch(Ws, [
            Group("gone", null, "solo", """{"name":"Gone's shop"}"""),
            Group("gone", null, "shared", """{"name":"Shared"}"""),
            Group("stays", null, "shared", "{}"),
            Order("gone", "o-1", 12.5m, currency: "EUR"),
        ])], Ct);
        var profiles = new ProfileService(store.Database);
        var privacy = new PrivacyService(store.Database, profiles, Work.ProfileData.CoreProfileData.Registry, TimeProvider.System, []);
        var id = (await profiles.ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, "gone"), Ct))!.Value;
        var export = (await privacy.ExportAsync(Ws, id, Ct))!;

        Assert.True(await privacy.EraseAsync(Ws, id, suppress: false, Ct));

        Assert.Equal(["shared", "solo"], export["profile"]!["accounts"]!.AsArray().Select(a => a!["groupId"]!.GetValue<string>()).Order());
        Assert.Equal(12.5m, export["profile"]!["profile"]!["aggregates"]!["spend"]![0]!["total"]!.GetValue<decimal>());
        Assert.Equal(0, await CountAsync(store, $"SELECT COUNT(*) FROM account_members WHERE profile_id = {id}"));
        Assert.Equal(0, await CountAsync(store, $"SELECT COUNT(*) FROM profile_spend WHERE profile_id = {id}"));
        Assert.Equal(["shared"], await ListAsync(store, "SELECT group_id FROM accounts"));
        Assert.Equal("shared", Assert.Single((await FindAsync(store, "stays")).Accounts).GroupId);
    }

    private static string Sorted(System.Text.Json.Nodes.JsonObject traits) =>
        new System.Text.Json.Nodes.JsonObject(traits.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, t.Value?.DeepClone()))).ToJsonString();

    private static IngestStore Store(TestStore store) => new(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System);

    private static async Task<ProfileDetail> FindAsync(TestStore store, string userId) =>
        (await new ProfileService(store.Database).FindAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!;

    private static async Task<long> CountAsync(TestStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<List<string>> ListAsync(TestStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(Ct);
        return [.. await connection.QueryAsync<string>(sql)];
    }
}
