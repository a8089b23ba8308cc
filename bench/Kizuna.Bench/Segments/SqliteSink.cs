using Microsoft.Data.Sqlite;

namespace Kizuna.Bench.Segments;

/// <summary>Prepared inserts, one reused command per table, committed every <see cref="FlushAsync"/>.</summary>
public sealed class SqliteSink : IRowSink
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction _transaction;

    public SqliteSink(string path)
    {
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;";
            pragma.ExecuteNonQuery();
        }

        _transaction = _connection.BeginTransaction();
    }

    public ValueTask RowAsync(string table, object?[] values)
    {
        if (!_commands.TryGetValue(table, out var command))
        {
            var columns = StoreRows.Columns[table];
            command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            command.Transaction = _transaction;
            command.Prepare();
            _commands[table] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch { null => DBNull.Value, JsonText j => j.Text, var v => v };
        }

        command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync()
    {
        _transaction.Commit();
        _transaction = _connection.BeginTransaction();
        foreach (var command in _commands.Values)
        {
            command.Transaction = _transaction;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _transaction.Commit();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
