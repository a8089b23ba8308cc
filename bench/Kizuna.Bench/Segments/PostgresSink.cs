using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Bench.Segments;

/// <summary>
/// One binary <c>COPY</c> per table, each on its own connection (so the server parses the tables in parallel
/// backends), committed at every <see cref="FlushAsync"/> and the chunk then recorded in <c>w3_chunks</c>, so an
/// interrupted load resumes after the last complete chunk (<see cref="PostgresBulkLoad.PrepareAsync"/>). The
/// roll-ups arrive as rows like the others (<see cref="W3RollUps"/>): summing them from the events in the server
/// would read every event a second time.
/// </summary>
public sealed class PostgresSink(string connectionString) : IRowSink
{
    private readonly Dictionary<string, NpgsqlConnection> _connections = [];
    private readonly Dictionary<string, NpgsqlBinaryImporter> _imports = [];

    public ValueTask RowAsync(string table, object?[] values)
    {
        if (!_imports.TryGetValue(table, out var import))
        {
            if (!_connections.TryGetValue(table, out var connection))
            {
                connection = new NpgsqlConnection(connectionString);
                connection.Open();
                _connections[table] = connection;
            }

            import = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", StoreRows.Columns[table])}) FROM STDIN (FORMAT BINARY)");
            _imports[table] = import;
        }

        // The synchronous writes fill Npgsql's buffer without a state machine per value; the load runs on a thread of its own.
        import.StartRow();
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    import.WriteNull();
                    break;
                case JsonText json:
                    import.Write(json.Text, NpgsqlDbType.Jsonb);
                    break;
                case long number:
                    import.Write(number, NpgsqlDbType.Bigint);
                    break;
                case decimal amount:
                    import.Write(amount, NpgsqlDbType.Numeric);
                    break;
                case int integer:
                    import.Write(integer, NpgsqlDbType.Integer);
                    break;
                case double real:
                    import.Write(real, NpgsqlDbType.Double);
                    break;
                case Guid id:
                    import.Write(id, NpgsqlDbType.Uuid);
                    break;
                default:
                    import.Write(value.ToString()!, NpgsqlDbType.Text);
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync(long first, long last)
    {
        foreach (var import in _imports.Values)
        {
            await import.CompleteAsync();
            await import.DisposeAsync();
        }

        _imports.Clear();
        await _connections.Values.First().ExecuteAsync("INSERT INTO w3_chunks (last) VALUES (@last)", new { last });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var import in _imports.Values)
        {
            await import.DisposeAsync();
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }
    }
}
