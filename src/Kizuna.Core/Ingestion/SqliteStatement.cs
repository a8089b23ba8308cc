using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kizuna.Ingestion;

/// <summary>
/// One SQLite statement prepared once and stepped for every row with values bound by position. The batch
/// writer uses it instead of <see cref="SqliteCommand"/> because the provider binds parameters by name, a
/// linear search per parameter that made multi-row statements quadratic; here a row costs a bind and a step.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds the values to positions 1…n, runs the statement, and hands each result row to <paramref name="onRow"/>.</summary>
    public void Run(ReadOnlySpan<object?> values, Action<sqlite3_stmt>? onRow = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        int rc;
        while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
        {
            onRow?.Invoke(_statement);
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    /// <summary>Binds the values, runs the statement, and returns how many rows it changed.</summary>
    public int Execute(ReadOnlySpan<object?> values)
    {
        Run(values);
        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        long l => raw.sqlite3_bind_int64(_statement, index, l),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        double d => raw.sqlite3_bind_double(_statement, index, d),
        string s => raw.sqlite3_bind_text16(_statement, index, s),
        byte[] b => raw.sqlite3_bind_blob(_statement, index, b),
        Guid g => raw.sqlite3_bind_blob(_statement, index, g.ToByteArray()),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name}.", nameof(value)),
    });

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
