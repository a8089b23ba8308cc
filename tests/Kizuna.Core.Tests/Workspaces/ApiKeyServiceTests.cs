using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

public sealed class ApiKeyServiceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AuthenticateAsync_SecretKey_ReturnsWorkspaceAndScopes(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var created = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "CRM sync", [Scopes.ProfilesRead, Scopes.Import], ct);

        var identity = await keys.AuthenticateAsync(created.Secret, ct);

        Assert.NotNull(identity);
        Assert.Equal(workspace.Id, identity.WorkspaceId);
        Assert.Equal(ApiKeyKind.Secret, identity.Kind);
        Assert.Equal(new HashSet<string>([Scopes.ProfilesRead, Scopes.Import]), identity.Scopes);
        Assert.StartsWith("kzs_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(created.Key.Id, Assert.Single(await keys.ListAsync(workspace.Id, ct)).Id);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_WriteKeyAskingForScopes_CarriesNone(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);

        var created = await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Website", Scopes.All, ct);
        var identity = await keys.AuthenticateAsync(created.Secret, ct);

        Assert.StartsWith("kzw_", created.Secret, StringComparison.Ordinal);
        Assert.Empty(created.Key.Scopes);
        Assert.Equal(ApiKeyKind.Write, identity?.Kind);
        Assert.Empty(identity!.Scopes);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AuthenticateAsync_RevokedKey_ReturnsNull(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var created = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Old", [Scopes.ProfilesRead], ct);
        Assert.NotNull(await keys.AuthenticateAsync(created.Secret, ct));

        Assert.True(await keys.RevokeAsync(workspace.Id, created.Key.Id, ct));

        Assert.Null(await keys.AuthenticateAsync(created.Secret, ct));
        Assert.NotNull(Assert.Single(await keys.ListAsync(workspace.Id, ct)).RevokedAt);
        Assert.False(await keys.RevokeAsync(workspace.Id, created.Key.Id, ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AuthenticateAsync_UnknownKey_ReturnsNull(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (_, keys) = await ArrangeAsync(store, ct);

        Assert.Null(await keys.AuthenticateAsync("kzs_not-a-key-anyone-was-given", ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RevokeAsync_KeyOfAnotherWorkspace_LeavesItWorking(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var other = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"other-{Guid.NewGuid():N}", "Other", ct);
        var created = await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Website", [], ct);

        Assert.False(await keys.RevokeAsync(other.Id, created.Key.Id, ct));

        Assert.NotNull(await keys.AuthenticateAsync(created.Secret, ct));
    }

    [Fact]
    public async Task AuthenticateAsync_FloodOfUnknownKeys_KeepsTheHotKeyCached()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync("sqlite", ct);
        var (workspace, keys) = await ArrangeAsync(store, ct);
        var created = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "CRM sync", [Scopes.ProfilesRead], ct);
        await keys.AuthenticateAsync(created.Secret, ct);

        // Changed behind the service's back: a key still cached keeps the scopes it was read with.
        await using (var connection = await store.Database.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE api_keys SET scopes = 'import' WHERE id = @id", new { id = created.Key.Id }, cancellationToken: ct));
        }

        for (var i = 0; i < 10_001; i++)
        {
            await keys.AuthenticateAsync($"kzs_unknown_{i}", ct);
            if (i % 100 == 0)
            {
                await keys.AuthenticateAsync(created.Secret, ct);
            }
        }

        Assert.Equal([Scopes.ProfilesRead], (await keys.AuthenticateAsync(created.Secret, ct))!.Scopes);
    }

    private static async Task<(Workspace Workspace, ApiKeyService Keys)> ArrangeAsync(TestStore store, CancellationToken ct)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Workspace", ct);
        return (workspace, new ApiKeyService(store.Database, TimeProvider.System));
    }
}
