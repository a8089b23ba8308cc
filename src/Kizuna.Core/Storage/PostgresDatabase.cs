using System.Data.Common;
using Npgsql;

namespace Kizuna.Storage;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/> per process. A connection goes back to the pool without
/// <c>DISCARD ALL</c> (Npgsql's <c>No Reset On Close</c>, unless the connection string says otherwise): a busy node
/// opens thousands of pooled connections a second, each reset a statement of its own, and Kizuna leaves no session
/// state behind — its advisory locks are released before the connection is closed, its temporary tables dropped at
/// commit, its settings none, and the one <c>LISTEN</c> is on a connection kept out of the pool.
/// </summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    private readonly string _connectionString;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(StorageOptions options)
    {
        _connectionString = options.ConnectionString
            ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is postgres.");
        _dataSource = NpgsqlDataSource.Create(Pooled(_connectionString));
    }

    public override StoreKind Kind => StoreKind.Postgres;

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    /// <summary>A connection (not open yet) outside the pool, for session state that must end with it (<c>LISTEN</c>).</summary>
    public NpgsqlConnection UnpooledConnection() =>
        new(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlConnectionStringBuilder Pooled(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder;
    }
}
