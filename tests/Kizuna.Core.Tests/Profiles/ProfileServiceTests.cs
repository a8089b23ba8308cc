using Kizuna.Ingestion;
using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Profiles;

public sealed class ProfileServiceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_EmptyWorkspace_ReturnsNoProfiles(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Empty", ct);
        var profiles = new ProfileService(store.Database);

        var all = await profiles.SearchAsync(workspace.Id, new ProfileQuery(), ct);
        var byText = await profiles.SearchAsync(workspace.Id, new ProfileQuery(Text: "aiko"), ct);
        var byTrait = await profiles.SearchAsync(workspace.Id, new ProfileQuery(TraitKey: "plan", TraitValue: "gold"), ct);

        Assert.Empty(all.Items);
        Assert.Equal(0, all.Total);
        Assert.Empty(byText.Items);
        Assert.Empty(byTrait.Items);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsync_EmptyWorkspace_ReturnsNullForEveryKindOfLookup(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Empty", ct);
        var profiles = new ProfileService(store.Database);

        Assert.Null(await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.Id, "1"), ct));
        Assert.Null(await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.Id, "not-a-number"), ct));
        Assert.Null(await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-1"), ct));
        Assert.Null(await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.AnonymousId, "a-1"), ct));
        Assert.Null(await profiles.ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.Email, "aiko@example.test"), ct));
        Assert.Empty(await profiles.TimelineAsync(workspace.Id, 1, null, 50, ct));
        Assert.Empty(await profiles.OrdersAsync(workspace.Id, 1, ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DisplayNamesAsync_ProfilesOfTheWorkspace_NamedAsTheDashboardShowsThem(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await CoreHost.StartAsync(engine);
        var pipeline = host.Get<IngestionPipeline>();
        await pipeline.SubmitAsync(new IngestBatch(host.Workspace.Id, [
            Messages.Identify("u-1", null, """{"name":"山田 花子"}"""),
            Messages.Identify("u-2", null, """{"email":"ben@example.test"}"""),
            Messages.Page(null, "visitor-1"),
        ]), ct);
        var profiles = host.Get<ProfileService>();
        var visitor = (await profiles.ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.AnonymousId, "visitor-1"), ct))!.Value;
        await pipeline.SubmitAsync(new IngestBatch(host.Workspace.Id, [Messages.Identify("u-1", "visitor-1", "{}")]), ct);   // the visitor was Hanako
        var hanako = (await profiles.ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-1"), ct))!.Value;
        var ben = (await profiles.ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-2"), ct))!.Value;

        var names = await profiles.DisplayNamesAsync(host.Workspace.Id, [hanako, ben, visitor, ben + 1000], ct);
        var elsewhere = await profiles.DisplayNamesAsync(host.Workspace.Id + 1000, [hanako, ben], ct);

        Assert.NotEqual(hanako, visitor);
        Assert.Equal(new Dictionary<long, string> { [hanako] = "山田 花子", [ben] = "ben@example.test", [visitor] = "山田 花子" }, names);
        Assert.Empty(elsewhere);
    }
}
