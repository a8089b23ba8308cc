using System.Data.Common;
using Npgsql;

namespace Kizuna.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/> per process.</summary>
public sealed class PostgresDatabase(StorageOptions options) : Database, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        options.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is postgres."));

    public override StoreKind Kind => StoreKind.Postgres;

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
