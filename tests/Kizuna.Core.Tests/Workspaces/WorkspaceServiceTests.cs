using Kizuna.Storage;

namespace Kizuna.Workspaces;

public sealed class WorkspaceServiceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NewSlug_IsFoundByIdAndSlug(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var workspaces = new WorkspaceService(store.Database, TimeProvider.System);
        var slug = $"shop-{Guid.NewGuid():N}";

        var created = await workspaces.CreateAsync(slug, "Tea Shop", ct);

        Assert.Equal(created, await workspaces.FindAsync(created.Id, ct));
        Assert.Equal(created, await workspaces.FindBySlugAsync(slug, ct));
        Assert.Contains(created, await workspaces.ListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddMemberAsync_SameUserTwice_KeepsOneMembershipWithTheLastRole(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var workspaces = new WorkspaceService(store.Database, TimeProvider.System);
        var users = new UserService(store.Database, TimeProvider.System);
        var workspace = await workspaces.CreateAsync($"ws-{Guid.NewGuid():N}", "Workspace", ct);
        var user = await users.CreateAsync($"{Guid.NewGuid():N}@example.test", "Aiko", "correct horse", ct);

        await workspaces.AddMemberAsync(workspace.Id, user.Id, Role.Viewer, ct);
        await workspaces.AddMemberAsync(workspace.Id, user.Id, Role.Marketer, ct);

        var membership = Assert.Single(await workspaces.MembershipsAsync(user.Id, ct));
        Assert.Equal(workspace.Id, membership.Workspace.Id);
        Assert.Equal(Role.Marketer, membership.Role);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindBySlugAsync_UnknownSlug_ReturnsNull(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);

        Assert.Null(await new WorkspaceService(store.Database, TimeProvider.System).FindBySlugAsync("no-such-workspace", ct));
    }
}
