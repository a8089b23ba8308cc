using Dapper;

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
}
