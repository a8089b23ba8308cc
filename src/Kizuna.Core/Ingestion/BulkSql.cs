using System.Data.Common;
using System.Text;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>
/// Multi-row statements: one <c>INSERT … VALUES (…),(…)</c> per chunk instead of one statement per row, which is
/// what keeps the write path at tens of thousands of rows a second on SQLite.
/// </summary>
internal static class BulkSql
{
    private const int MaxRowsPerStatement = 500;

    /// <summary>Inserts rows; <paramref name="jsonColumns"/> marks the values bound as JSON. Returns what <paramref name="read"/> reads from RETURNING rows.</summary>
    public static async Task<List<T>> InsertAsync<T>(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string head, IReadOnlyList<object?[]> rows, string tail, bool[]? jsonColumns,
        Func<DbDataReader, T>? read, CancellationToken ct)
    {
        var results = new List<T>();
        if (rows.Count == 0)
        {
            return results;
        }

        var width = rows[0].Length;
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
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = row[c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
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
                results.Add(read(reader));
            }
        }

        return results;
    }

    /// <summary>Runs a query with an <c>IN (…)</c> list bound as parameters, in chunks.</summary>
    public static async Task ForEachInAsync<TValue>(
        DbConnection connection, DbTransaction transaction, string sqlWithInPlaceholder, IReadOnlyList<TValue> values,
        IReadOnlyDictionary<string, object> fixedParameters, Action<DbDataReader> onRow, CancellationToken ct)
    {
        for (var start = 0; start < values.Count; start += MaxRowsPerStatement)
        {
            var count = Math.Min(MaxRowsPerStatement, values.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@v{i}";
                parameter.Value = values[start + i]!;
                command.Parameters.Add(parameter);
                names.Append(i == 0 ? "" : ",").Append(parameter.ParameterName);
            }

            foreach (var (name, value) in fixedParameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            command.CommandText = sqlWithInPlaceholder.Replace("{in}", names.ToString(), StringComparison.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                onRow(reader);
            }
        }
    }
}
