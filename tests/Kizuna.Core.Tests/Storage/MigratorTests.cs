using Dapper;
using Kizuna.Workspaces;

namespace Kizuna.Storage;

public sealed class MigratorTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);

        var again = await store.Migrator.MigrateAsync(ct);

        Assert.Equal(0, again);
        await using var connection = await store.Database.OpenAsync(ct);
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.Scripts(store.Database.Kind).Select(s => (long)s.Version), versions);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_FreshDatabase_CreatesFoundationTables(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);

        await using var connection = await store.Database.OpenAsync(ct);
        foreach (var table in new[] { "workspaces", "api_keys", "users", "profiles", "identities", "events", "orders", "products" })
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateAsync_ProductsReadScope_GoesToSecretKeysThatReadProfiles(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Keys", ct);
        var keys = new ApiKeyService(store.Database, TimeProvider.System);
        var reader = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "reader", [Scopes.ProfilesRead, Scopes.Import], ct);
        var importer = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "importer", [Scopes.Import], ct);
        await using var connection = await store.Database.OpenAsync(ct);
        await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 8");

        await store.Migrator.MigrateAsync(ct);

        var scopes = (await connection.QueryAsync<(long Id, string Scopes)>("SELECT id, scopes FROM api_keys")).ToDictionary(k => k.Id, k => k.Scopes);
        Assert.Equal("profiles:read import products:read", scopes[reader.Key.Id]);
        Assert.Equal("import", scopes[importer.Key.Id]);
    }
}
