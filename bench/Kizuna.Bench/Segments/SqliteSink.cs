using Microsoft.Data.Sqlite;

namespace Kizuna.Bench.Segments;

/// <summary>
/// A bulk load into a migrated SQLite store: the secondary indexes of the loaded tables are dropped first and built
/// again at the end (a sort per index instead of fifty million random index inserts), with no rollback journal;
/// prepared inserts, one reused command per table, committed every <see cref="FlushAsync"/>.
/// </summary>
public sealed class SqliteSink : IRowSink
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private readonly List<(string Name, string Sql)> _indexes = [];
    private SqliteTransaction _transaction;
    private long _lastEvent;

    public SqliteSink(string path)
    {
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = FILE;");
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", StoreRows.Tables.Select(t => $"'{t}'"))})";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                _indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in _indexes)
        {
            Execute($"DROP INDEX {name}");
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

    public ValueTask FlushAsync(long first, long last)
    {
        // Rows are appended in profile order, so the chunk's events are those after the last chunk's rowid.
        foreach (var sql in StoreRows.RollUps($"id > {_lastEvent}"))
        {
            Execute(sql, _transaction);
        }

        using (var max = _connection.CreateCommand())
        {
            max.Transaction = _transaction;
            max.CommandText = "SELECT COALESCE(MAX(id), 0) FROM events";
            _lastEvent = (long)max.ExecuteScalar()!;
        }

        _transaction.Commit();
        _transaction = _connection.BeginTransaction();
        foreach (var command in _commands.Values)
        {
            command.Transaction = _transaction;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Commits the rest, builds the dropped indexes again, returns the store to WAL and analyses it.</summary>
    public ValueTask DisposeAsync()
    {
        _transaction.Commit();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var (name, sql) in _indexes)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Execute(sql);
            Console.WriteLine($"  SQLite: index {name} built in {clock.Elapsed.TotalSeconds:0} s");
        }

        Execute("PRAGMA journal_mode = WAL; ANALYZE;");
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
