using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Bench.Segments;

/// <summary>
/// One binary <c>COPY</c> per table, each on its own connection, committed at every <see cref="FlushAsync"/>: the
/// load is many short transactions, because an open transaction holds back the change feed's horizon for every
/// database on the server. The indexes stay in place, so no single index build is a long transaction either.
/// </summary>
public sealed class PostgresSink(string connectionString) : IRowSink
{
    private readonly Dictionary<string, NpgsqlConnection> _connections = [];
    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Import)> _imports = [];

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

    public async ValueTask FlushAsync()
    {
        foreach (var (_, import) in _imports.Values)
        {
            await import.CompleteAsync();
            await import.DisposeAsync();
        }

        _imports.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }
    }
}
