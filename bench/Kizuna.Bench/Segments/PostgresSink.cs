using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Bench.Segments;

/// <summary>
/// One binary <c>COPY</c> per table, each on its own connection, committed at every <see cref="FlushAsync"/>: the
/// load is many short transactions, because an open transaction holds back the change feed's horizon for every
/// database on the server. The indexes stay in place, so no single index build is a long transaction either. A
/// chunk's roll-ups are summed on a connection of their own while the next chunk is copied, and recorded in
/// <c>w3_chunks</c> with them, so an interrupted load resumes after the last complete chunk.
/// </summary>
public sealed class PostgresSink(string connectionString) : IRowSink
{
    private readonly Dictionary<string, NpgsqlConnection> _connections = [];
    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Import)> _imports = [];
    private NpgsqlConnection? _rollUps;
    private Task _rollUp = Task.CompletedTask;

    /// <summary>
    /// The first profile id the load must still write: the chunks recorded complete are kept, the rows of any later
    /// chunk (one interrupted half-way) are deleted.
    /// </summary>
    public static async Task<long> ResumeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A load begun before the chunks were recorded: a chunk is complete when its daily roll-up is there (the last
        // statement of a chunk, a single one).
        await using (var create = new NpgsqlCommand(
            "DO $$ BEGIN IF to_regclass('w3_chunks') IS NULL THEN CREATE TABLE w3_chunks (last bigint PRIMARY KEY); "
            + $"INSERT INTO w3_chunks SELECT DISTINCT ((profile_id - 1) / {W3Loader.Chunk} + 1) * {W3Loader.Chunk} FROM daily_counts WHERE workspace_id = 1; END IF; END $$", connection)
        { CommandTimeout = 0 })
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var next = new NpgsqlCommand("SELECT COALESCE(MAX(last), 0) + 1 FROM w3_chunks", connection);
        var from = (long)(await next.ExecuteScalarAsync())!;
        string[] deletes =
        [
            $"DELETE FROM order_lines WHERE workspace_id = 1 AND order_id IN (SELECT order_id FROM orders WHERE workspace_id = 1 AND profile_id >= {from})",
            .. new[] { "orders", "daily_counts", "event_counts", "events", "profile_values", "profiles" }
                .Select(t => $"DELETE FROM {t} WHERE workspace_id = 1 AND {(t == "profiles" ? "id" : "profile_id")} >= {from}"),
        ];
        foreach (var sql in deletes)
        {
            await using var delete = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await delete.ExecuteNonQueryAsync();
        }

        return from;
    }

    public async ValueTask RowAsync(string table, object?[] values)
    {
        if (!_imports.TryGetValue(table, out var import))
        {
            if (!_connections.TryGetValue(table, out var connection))
            {
                connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                _connections[table] = connection;
            }

            var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", StoreRows.Columns[table])}) FROM STDIN (FORMAT BINARY)");
            _imports[table] = import = (connection, writer);
        }

        await import.Import.StartRowAsync();
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    await import.Import.WriteNullAsync();
                    break;
                case JsonText json:
                    await import.Import.WriteAsync(json.Text, NpgsqlDbType.Jsonb);
                    break;
                case long number:
                    await import.Import.WriteAsync(number, NpgsqlDbType.Bigint);
                    break;
                case decimal amount:
                    await import.Import.WriteAsync(amount, NpgsqlDbType.Numeric);
                    break;
                case int integer:
                    await import.Import.WriteAsync(integer, NpgsqlDbType.Integer);
                    break;
                case double real:
                    await import.Import.WriteAsync(real, NpgsqlDbType.Double);
                    break;
                case Guid id:
                    await import.Import.WriteAsync(id, NpgsqlDbType.Uuid);
                    break;
                default:
                    await import.Import.WriteAsync(value.ToString()!, NpgsqlDbType.Text);
                    break;
            }
        }
    }

    public async ValueTask FlushAsync(long first, long last)
    {
        foreach (var (_, import) in _imports.Values)
        {
            await import.CompleteAsync();
            await import.DisposeAsync();
        }

        _imports.Clear();
        await _rollUp;
        if (_rollUps is null)
        {
            _rollUps = new NpgsqlConnection(connectionString);
            await _rollUps.OpenAsync();
            await using var memory = new NpgsqlCommand("SET work_mem = '128MB'", _rollUps);
            await memory.ExecuteNonQueryAsync();
        }

        _rollUp = RollUpAsync(_rollUps, first, last);
    }

    public async ValueTask DisposeAsync()
    {
        await _rollUp;
        if (_rollUps is not null)
        {
            await _rollUps.DisposeAsync();
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task RollUpAsync(NpgsqlConnection connection, long first, long last)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in StoreRows.RollUps($"workspace_id = 1 AND profile_id BETWEEN {first} AND {last}").Append($"INSERT INTO w3_chunks (last) VALUES ({last})"))
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
