using System.Diagnostics;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Server;

/// <summary>
/// A store for <see cref="ServerProcess"/>es to share: a temporary SQLite data folder, or a PostgreSQL database of
/// its own on the server named by <c>KIZUNA_TEST_POSTGRES</c> (the test is skipped when that is not set), migrated,
/// with a workspace and a write key, and the <see cref="Database"/> a test checks the results through.
/// </summary>
public sealed class ServerStore : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private ServerStore(Database database, IReadOnlyList<string> arguments, Func<Task> cleanup)
    {
        Database = database;
        Arguments = arguments;
        _cleanup = cleanup;
    }

    public Database Database { get; }

    /// <summary>The server's storage arguments: <c>--data folder</c> or <c>--postgres connection-string</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public long WorkspaceId { get; private set; }

    public string WriteKey { get; private set; } = "";

    public static async Task<ServerStore> CreateAsync(string engine, CancellationToken ct)
    {
        var store = engine == "postgres" ? await PostgresAsync(ct) : Sqlite();
        await new Migrator(store.Database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync("load", "Load", ct);
        store.WorkspaceId = workspace.Id;
        store.WriteKey = (await new ApiKeyService(store.Database, TimeProvider.System).CreateAsync(workspace.Id, ApiKeyKind.Write, "Load", [], ct)).Secret;
        return store;
    }

    public async ValueTask DisposeAsync() => await _cleanup();

    private static ServerStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("kizuna-server-");
        return new ServerStore(new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName }), ["--data", folder.FullName], () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<ServerStore> PostgresAsync(CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable(KizunaApplication.PostgresVariable) is not { Length: > 0 } server)
        {
            Assert.Skip($"{KizunaApplication.PostgresVariable} is not set");
            throw new UnreachableException();
        }

        var name = $"kz_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}", ct);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
        return new ServerStore(database, ["--postgres", connectionString], async () =>
        {
            await database.DisposeAsync();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    await Task.Delay(500); // an autovacuum worker is not ours to end: wait for it
                }
            }
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
