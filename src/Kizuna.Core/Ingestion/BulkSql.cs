using System.Collections;
using System.Data.Common;
using System.Runtime.InteropServices;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuna.Ingestion;

/// <summary>
/// The batch writer's bulk statements. On PostgreSQL all rows go in one statement, each column bound as one typed
/// array and unnested by the server (<c>INSERT … SELECT … FROM unnest(@c0, @c1, …)</c>): the statement text and its
/// parameter count stay the same whatever the row count, so neither side spends time on thousands of parameters.
/// On SQLite, where a statement costs no round trip, one prepared single-row statement is stepped per row
/// (see <see cref="SqliteStatement"/>).
/// </summary>
internal static class BulkSql
{
    /// <summary>Compares rows of values element by element (boxed values by value).</summary>
    private static readonly EqualityComparer<object?[]> RowValues = EqualityComparer<object?[]>.Create(
        (a, b) => StructuralComparisons.StructuralEqualityComparer.Equals(a, b),
        row => StructuralComparisons.StructuralEqualityComparer.GetHashCode(row));

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
            using var statement = new SqliteStatement(sqlite, SqliteInsert(head, width, tail));
            foreach (var row in rows)
            {
                statement.Run(row, read is null ? null : s => results.Add(read(new RowReader(s))));
            }

            return results;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        (command.CommandText, var arrays) = UnnestInsert(dialect, head, rows, tail, jsonColumns);
        foreach (var (name, array) in arrays)
        {
            command.Parameters.Add(Parameter(command.CreateParameter(), name, array));
        }

        if (read is null)
        {
            await command.ExecuteNonQueryAsync(ct);
            return results;
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            results.Add(read(new RowReader(reader)));
        }

        return results;
    }

    /// <summary>
    /// Inserts rows whose results nothing reads: on SQLite at once, on PostgreSQL held in <paramref name="writes"/>
    /// to go with the transaction's other writes in one round trip.
    /// </summary>
    public static void Insert(PendingWrites writes, SqlDialect dialect, string head, IReadOnlyList<object?[]> rows, string tail, bool[]? jsonColumns)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (writes.RunsAtOnce is { } sqlite)
        {
            RunForEachRow(sqlite, SqliteInsert(head, rows[0].Length, tail), rows);
            return;
        }

        var (sql, arrays) = UnnestInsert(dialect, head, rows, tail, jsonColumns);
        writes.Add(sql, CollectionsMarshal.AsSpan(arrays));
    }

    /// <summary>
    /// PostgreSQL's insert of many rows in one statement: each column bound as one array, returned beside the
    /// statement, and unnested by the server; a column whose every value is null is written as <c>NULL</c>.
    /// </summary>
    private static (string Sql, List<(string Name, object? Array)> Arrays) UnnestInsert(
        SqlDialect dialect, string head, IReadOnlyList<object?[]> rows, string tail, bool[]? jsonColumns)
    {
        var width = rows[0].Length;
        var select = new List<string>(width);
        var bound = new List<int>(width);
        var arrays = new List<(string, object?)>(width);
        for (var c = 0; c < width; c++)
        {
            if (ColumnArray(rows, c) is not { } array)
            {
                select.Add("NULL");   // every value null: the target column's type applies
                continue;
            }

            arrays.Add(($"@c{c}", array));
            bound.Add(c);
            select.Add(jsonColumns?[c] == true ? dialect.Json($"u.c{c}") : $"u.c{c}");
        }

        return ($"{head} SELECT {string.Join(", ", select)} FROM unnest({string.Join(", ", bound.Select(c => $"@c{c}"))}) AS u({string.Join(", ", bound.Select(c => $"c{c}"))}) {tail}", arrays);
    }

    /// <summary>A one-row insert with positional parameters, stepped once per row.</summary>
    private static string SqliteInsert(string head, int width, string tail) =>
        $"{head} VALUES ({string.Join(',', Enumerable.Repeat('?', width))}) {tail}";

    /// <summary>
    /// Column <paramref name="column"/> of the rows as an array of its values' type (nullable when some are null),
    /// which Npgsql sends as a PostgreSQL array; null when every value is null. A column's values share one type.
    /// </summary>
    private static Array? ColumnArray(IReadOnlyList<object?[]> rows, int column)
    {
        var type = rows.Select(r => r[column]?.GetType()).FirstOrDefault(t => t is not null);
        if (type is null)
        {
            return null;
        }

        var nullable = type.IsValueType && rows.Any(r => r[column] is null);
        var array = Array.CreateInstance(nullable ? typeof(Nullable<>).MakeGenericType(type) : type, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = rows[i][column];
            if (value is not null && value.GetType() != type)
            {
                throw new ArgumentException($"Column {column} mixes {type.Name} and {value.GetType().Name} values.", nameof(rows));
            }

            array.SetValue(value, i);
        }

        return array;
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
    /// it inserted; the conflict columns must be the rows' first columns, and no two rows may share them. SQLite
    /// reports each row's change count, which costs less than a <c>RETURNING</c> clause (SQLite buffers those rows per
    /// execution); PostgreSQL returns the conflict columns of the inserted rows, matched back to their positions by
    /// value and type (bind the types the columns read back as: long for bigint, string for text).
    /// </summary>
    public static async Task<List<int>> InsertNewAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string head, IReadOnlyList<string> conflictColumns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var target = $"ON CONFLICT ({string.Join(", ", conflictColumns)}) DO NOTHING";
        if (connection is SqliteConnection sqlite)
        {
            var inserted = new List<int>();
            using var statement = new SqliteStatement(sqlite, SqliteInsert(head, rows[0].Length, target));
            for (var i = 0; i < rows.Count; i++)
            {
                if (statement.Execute(rows[i]) == 1)
                {
                    inserted.Add(i);
                }
            }

            return inserted;
        }

        var positions = new Dictionary<object?[], int>(rows.Count, RowValues);
        for (var i = 0; i < rows.Count; i++)
        {
            positions[rows[i][..conflictColumns.Count]] = i;
        }

        var keys = await InsertAsync(connection, transaction, dialect, head, rows, $"{target} RETURNING {string.Join(", ", conflictColumns)}", null, r =>
        {
            var values = new object?[conflictColumns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = r.GetValue(c);
            }

            return values;
        }, ct);
        return [.. keys.Select(k => positions[k])];
    }

    /// <summary>
    /// Runs one statement over many rows of positional values, reading what it returns: on SQLite
    /// <paramref name="sqlite"/> (parameters <c>?1</c>…<c>?n</c>) is stepped once per row; on PostgreSQL
    /// <paramref name="postgres"/> runs once, its <c>{rows}</c> standing for <c>unnest(@c0, …) AS u(c0, …)</c> with
    /// column <c>i</c> bound as one array of <paramref name="types"/>[i] (nullable for value types, so a column of
    /// nulls keeps its type). For the compare-and-set updates of many rows that an insert cannot express.
    /// </summary>
    public static async Task RunForRowsAsync(
        DbConnection connection, DbTransaction transaction, string sqlite, string postgres, IReadOnlyList<Type> types,
        IReadOnlyList<object?[]> rows, Action<RowReader>? onRow, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (connection is SqliteConnection sqliteConnection)
        {
            using var statement = new SqliteStatement(sqliteConnection, sqlite);
            foreach (var row in rows)
            {
                statement.Run(row, onRow is null ? null : s => onRow(new RowReader(s)));
            }

            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var c = 0; c < types.Count; c++)
        {
            var array = Array.CreateInstance(types[c].IsValueType ? typeof(Nullable<>).MakeGenericType(types[c]) : types[c], rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                array.SetValue(rows[i][c], i);
            }

            command.Parameters.Add(Parameter(command.CreateParameter(), $"@c{c}", array));
        }

        var columns = Enumerable.Range(0, types.Count).ToList();
        command.CommandText = postgres.Replace(
            "{rows}", $"unnest({string.Join(", ", columns.Select(c => $"@c{c}"))}) AS u({string.Join(", ", columns.Select(c => $"c{c}"))})", StringComparison.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            onRow?.Invoke(new RowReader(reader));
        }
    }

    /// <summary>
    /// Runs a query whose <c>IN ({in})</c> stands for a list of values: one point query per value on SQLite,
    /// <c>= ANY(@values)</c> with the values as one array on PostgreSQL. <paramref name="workspaceId"/> is bound as <c>@ws</c>.
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

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.Add(Parameter(command.CreateParameter(), "@values", values.ToArray()));
        command.Parameters.Add(Parameter(command.CreateParameter(), "@ws", workspaceId));
        command.CommandText = sql.Replace("IN ({in})", "= ANY(@values)", StringComparison.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            onRow(new RowReader(reader));
        }
    }

    public static DbParameter Parameter(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
