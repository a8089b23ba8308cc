using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>Issuing and revoking keys on behalf of someone: nobody passes on or takes away a right they lack.</summary>
public sealed class ApiKeyGrantTests
{
    private static readonly HashSet<string> MarketerScopes = [.. Scopes.ForRole(Role.Marketer)];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task IssueAsync_ScopeTheGrantorLacks_ThrowsAndIssuesNothing(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);

        var refused = await Assert.ThrowsAsync<ScopeNotHeldException>(() =>
            keys.IssueAsync(workspace.Id, ApiKeyKind.Secret, "escalation", [Scopes.ProfilesRead, Scopes.KeysManage], MarketerScopes, ct));

        Assert.Equal(Scopes.KeysManage, refused.Scope);
        Assert.Empty(await keys.ListAsync(workspace.Id, ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task IssueAsync_ScopesTheGrantorHolds_IssuesAWorkingKey(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);

        var created = await keys.IssueAsync(workspace.Id, ApiKeyKind.Secret, "sync", [Scopes.ProfilesRead, Scopes.Import], MarketerScopes, ct);

        Assert.Equal(new HashSet<string>([Scopes.ProfilesRead, Scopes.Import]), (await keys.AuthenticateAsync(created.Secret, ct))?.Scopes);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task IssueAsync_WriteKeyAskingForScopesNotHeld_IssuesItWithoutScopes(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);

        var created = await keys.IssueAsync(workspace.Id, ApiKeyKind.Write, "site", Scopes.All, new HashSet<string>(), ct);

        Assert.Empty(created.Key.Scopes);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RevokeAsync_KeyWithAScopeTheGrantorLacks_ThrowsAndKeyKeepsWorking(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var admin = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "admin", Scopes.All, ct);

        await Assert.ThrowsAsync<ScopeNotHeldException>(() => keys.RevokeAsync(workspace.Id, admin.Key.Id, MarketerScopes, ct));

        Assert.NotNull(await keys.AuthenticateAsync(admin.Secret, ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RevokeAsync_KeyWithinTheGrantorsScopes_RevokesIt(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var reader = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "reader", [Scopes.ProfilesRead], ct);

        Assert.True(await keys.RevokeAsync(workspace.Id, reader.Key.Id, MarketerScopes, ct));

        Assert.Null(await keys.AuthenticateAsync(reader.Secret, ct));
        Assert.False(await keys.RevokeAsync(workspace.Id, reader.Key.Id + 1_000, MarketerScopes, ct));
    }

    private static async Task<(Workspace Workspace, ApiKeyService Keys)> ArrangeAsync(TestStore store, CancellationToken ct)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Workspace", ct);
        return (workspace, new ApiKeyService(store.Database, TimeProvider.System));
    }
}
