using System.Data.Common;
using Kizuna.Ingestion;
using Microsoft.Data.Sqlite;

namespace Kizuna.Storage;

/// <summary>
/// The writes of a transaction whose results nothing reads before the commit (the ingestion writer's roll-ups, a
/// journey pass's steps, jobs and message history). On PostgreSQL they are held and sent together, in the order they
/// were added, as one <see cref="DbBatch"/> just before the commit — one round trip instead of one a statement; on a
/// busy machine each round trip waits for a core twice, and those waits were most of a short transaction's time.
/// On SQLite, where a statement costs no round trip, each write runs at once and nothing is held.
/// </summary>
public sealed class PendingWrites(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private DbBatch? _batch;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    /// <summary>The SQLite connection the writes run on at once; null on PostgreSQL, where they are held.</summary>
    internal SqliteConnection? RunsAtOnce => connection as SqliteConnection;

    private DbBatchCommand Hold(string sql)
    {
        if (_batch is null)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }

        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        _batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Runs (SQLite) or holds (PostgreSQL) a statement with named parameters.</summary>
    public void Add(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (RunsAtOnce is { } sqlite)
        {
            using var now = sqlite.CreateCommand();
            now.Transaction = (SqliteTransaction)transaction;
            now.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                now.Parameters.Add(BulkSql.Parameter(now.CreateParameter(), name, value));
            }

            now.ExecuteNonQuery();
            return;
        }

        var held = Hold(sql);
        foreach (var (name, value) in parameters)
        {
            held.Parameters.Add(BulkSql.Parameter(held.CreateParameter(), name, value));
        }
    }

    /// <summary>Sends what is held, in one round trip.</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        if (_batch is null)
        {
            return;
        }

        await using var batch = _batch;
        _batch = null;
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }
}
