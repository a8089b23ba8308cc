using System.Data.Common;
using System.Text;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuna.Ingestion;

/// <summary>
/// The batch writer's bulk statements. On PostgreSQL a chunk of rows is one multi-row <c>INSERT … VALUES (…),(…)</c>;
/// on SQLite, where a statement costs no round trip, one prepared single-row statement is stepped per row
/// (see <see cref="SqliteStatement"/>).
/// </summary>
internal static class BulkSql
{
    private const int MaxRowsPerStatement = 500;

    /// <summary>Inserts rows; <paramref name="jsonColumns"/> marks the values bound as JSON. Returns what <paramref name="read"/> reads from RETURNING rows.</summary>
    public static async Task<List<T>> InsertAsync<T>(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string head, IReadOnlyList<object?[]> rows, string tail, bool[]? jsonColumns,
        Func<RowReader, T>? read, CancellationToken ct)
    {
        var results = new List<T>();
        if (rows.Count == 0)
        {
            return results;
        }

        var width = rows[0].Length;
        if (connection is SqliteConnection sqlite)
        {
            using var statement = new SqliteStatement(sqlite, $"{head} VALUES ({string.Join(',', Enumerable.Repeat('?', width))}) {tail}");
            foreach (var row in rows)
            {
                statement.Run(row, read is null ? null : s => results.Add(read(new RowReader(s))));
            }

            return results;
        }

        var perStatement = Math.Min(MaxRowsPerStatement, dialect.MaxParameters / width);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head.Length + tail.Length + (count * width * 8));
            sql.Append(head).Append(" VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ",(");
                var row = rows[start + r];
                for (var c = 0; c < width; c++)
                {
                    var name = $"@p{(r * width) + c}";
                    sql.Append(c == 0 ? "" : ",").Append(jsonColumns?[c] == true ? dialect.Json(name) : name);
                    command.Parameters.Add(Parameter(command, name, row[c]));
                }

                sql.Append(')');
            }

            command.CommandText = sql.Append(' ').Append(tail).ToString();
            if (read is null)
            {
                await command.ExecuteNonQueryAsync(ct);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                results.Add(read(new RowReader(reader)));
            }
        }

        return results;
    }

    /// <summary>Runs one SQLite statement with positional parameters once per row (any row count, none included).</summary>
    public static void RunForEachRow(SqliteConnection connection, string sql, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var statement = new SqliteStatement(connection, sql);
        foreach (var row in rows)
        {
            statement.Run(row);
        }
    }

    /// <summary>
    /// Inserts the rows that are not there yet (<c>ON CONFLICT (…) DO NOTHING</c>) and returns the positions of those
    /// it inserted; the conflict columns must be the rows' first columns. SQLite reports each row's change count,
    /// which costs less than a <c>RETURNING</c> clause (SQLite buffers those rows per execution); PostgreSQL returns
    /// the conflict columns of the inserted rows, matched back to their positions.
    /// </summary>
    public static async Task<List<int>> InsertNewAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string head, IReadOnlyList<string> conflictColumns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var target = $"ON CONFLICT ({string.Join(", ", conflictColumns)}) DO NOTHING";
        if (connection is SqliteConnection sqlite)
        {
            var inserted = new List<int>();
            using var statement = new SqliteStatement(sqlite, $"{head} VALUES ({string.Join(',', Enumerable.Repeat('?', rows.Count == 0 ? 0 : rows[0].Length))}) {target}");
            for (var i = 0; i < rows.Count; i++)
            {
                if (statement.Execute(rows[i]) == 1)
                {
                    inserted.Add(i);
                }
            }

            return inserted;
        }

        var positions = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            positions[KeyOf(rows[i].AsSpan(0, conflictColumns.Count))] = i;
        }

        var keys = await InsertAsync(connection, transaction, dialect, head, rows, $"{target} RETURNING {string.Join(", ", conflictColumns)}", null, r =>
        {
            var values = new object?[conflictColumns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = r.GetValue(c);
            }

            return KeyOf(values);
        }, ct);
        return [.. keys.Select(k => positions[k])];
    }

    private static string KeyOf(ReadOnlySpan<object?> values)
    {
        var key = new StringBuilder();
        foreach (var value in values)
        {
            key.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
        }

        return key.ToString();
    }

    /// <summary>
    /// Runs a query whose <c>{in}</c> placeholder stands for a list of values: one point query per value on SQLite,
    /// <c>IN (…)</c> chunks on PostgreSQL. <paramref name="workspaceId"/> is bound as <c>@ws</c>.
    /// </summary>
    public static async Task ForEachInAsync<TValue>(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<TValue> values, long workspaceId,
        Action<RowReader> onRow, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }

        if (connection is SqliteConnection sqlite)
        {
            using var statement = new SqliteStatement(sqlite, sql.Replace("@ws", "?1", StringComparison.Ordinal).Replace("IN ({in})", "= ?2", StringComparison.Ordinal));
            foreach (var value in values)
            {
                statement.Run([workspaceId, value], s => onRow(new RowReader(s)));
            }

            return;
        }

        for (var start = 0; start < values.Count; start += MaxRowsPerStatement)
        {
            var count = Math.Min(MaxRowsPerStatement, values.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                command.Parameters.Add(Parameter(command, $"@v{i}", values[start + i]));
                names.Append(i == 0 ? "@v0" : $",@v{i}");
            }

            command.Parameters.Add(Parameter(command, "@ws", workspaceId));
            command.CommandText = sql.Replace("{in}", names.ToString(), StringComparison.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                onRow(new RowReader(reader));
            }
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
