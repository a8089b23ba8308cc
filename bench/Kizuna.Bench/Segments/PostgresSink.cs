using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Bench.Segments;

/// <summary>One binary <c>COPY</c> per table, each on its own connection, all open for the whole generation.</summary>
public sealed class PostgresSink(string connectionString) : IRowSink
{
    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Import)> _imports = [];

    public async ValueTask RowAsync(string table, object?[] values)
    {
        if (!_imports.TryGetValue(table, out var import))
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
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

    public ValueTask FlushAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, import) in _imports.Values)
        {
            await import.CompleteAsync();
            await import.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
