using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Kizuna.Storage;

/// <summary>SQLite in WAL mode: many readers, one writer, durable against a process crash at every commit.</summary>
public sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDatabase(StorageOptions options)
    {
        _connectionString = ConnectionStringFor(options);
        // NORMAL in WAL mode survives a killed process; FULL also survives a power cut, at a cost per commit.
        // A larger WAL between checkpoints lets a page written by many transactions be copied back once: the
        // batch writer's random profile and counter updates ran 2x faster with it than with the default 1,000 pages.
        _pragmas = $"PRAGMA synchronous={(options.SqliteSynchronousFull ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=20000; PRAGMA mmap_size=1073741824;";
    }

    public override StoreKind Kind => StoreKind.Sqlite;

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public string ConnectionString => _connectionString;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private static string ConnectionStringFor(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Path.Combine(options.DataDirectory, "kizuna.db")),
            Pooling = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }
}
