using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Storage;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL database created on the
/// server named by <c>KIZUNA_TEST_POSTGRES</c> and dropped afterwards. Dispose it at the end of the test.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "KIZUNA_TEST_POSTGRES";

    private readonly Func<ValueTask> _cleanup;

    private TestStore(Database database, Func<ValueTask> cleanup, string? connectionString = null)
    {
        Database = database;
        _cleanup = cleanup;
        ConnectionString = connectionString;
    }

    public Database Database { get; }

    /// <summary>The PostgreSQL test database's connection string, for a second node with its own pool; null on SQLite.</summary>
    public string? ConnectionString { get; }

    public Migrator Migrator => new(Database, TimeProvider.System, NullLogger<Migrator>.Instance);

    /// <summary>The PostgreSQL connection string for tests, or null when tests run on SQLite only.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>A migrated store of the engine named <c>sqlite</c> or <c>postgres</c>; skips the test when PostgreSQL is not configured.</summary>
    public static Task<TestStore> CreateAsync(string engine, CancellationToken ct) => CreateAsync(engine, int.MaxValue, ct);

    /// <summary>A store migrated up to version <paramref name="through"/>, as an older release left it.</summary>
    public static async Task<TestStore> CreateAsync(string engine, int through, CancellationToken ct)
    {
        var store = engine switch
        {
            "sqlite" => CreateSqlite(),
            "postgres" => await CreatePostgresAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Engines are sqlite and postgres."),
        };
        await store.Migrator.MigrateAsync(through, ct);
        return store;
    }

    public ValueTask DisposeAsync() => _cleanup();

    private static TestStore CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("kizuna-test-");
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
        return new TestStore(database, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<TestStore> CreatePostgresAsync(CancellationToken ct)
    {
        if (PostgresConnectionString is not { } server)
        {
            Assert.Skip($"{PostgresVariable} is not set");
            throw new UnreachableException();
        }

        var name = $"kz_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}", ct);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
        return new TestStore(database, async () =>
        {
            await database.DisposeAsync();
            await DropDatabaseAsync(server, name);
        }, connectionString);
    }

    // An autovacuum worker in the database is not ours to terminate: wait for it, and leave the database to the
    // throw-away test server if it never goes.
    private static async Task DropDatabaseAsync(string server, string name)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
