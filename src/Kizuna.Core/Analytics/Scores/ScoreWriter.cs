using System.Data.Common;
using System.Text;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Replaces the score names of a workspace in <c>profile_values</c> whole, in one transaction: readers see the
/// previous refresh or this one, never a mix, and a customer who no longer qualifies loses the old values. SQLite
/// steps one prepared insert per row with positional binds (in the write turn the ingestion writer also takes);
/// PostgreSQL streams the rows with binary <c>COPY</c>. The refresh's summary is stored in the same transaction.
/// </summary>
public sealed class ScoreWriter(Database database)
{
    public async Task ReplaceAsync(long workspaceId, IReadOnlyList<string> names, IEnumerable<ScoreValue> values, ScoreSummary summary, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        if (database.Kind == StoreKind.Sqlite)
        {
            // The replacement touches millions of rows of two B-trees in one transaction: with the default 2 MB page
            // cache, SQLite spills dirty pages to the WAL again and again before the commit. The setting goes with
            // this connection when it is closed (pooled connections get their pragmas again when opened).
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -262144";
            await cache.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM profile_values WHERE workspace_id = @ws AND {database.Dialect.OneOf("name", "@names")}";
            delete.Parameters.Add(Parameter(delete, "@ws", workspaceId));
            if (database.Kind == StoreKind.Postgres)
            {
                delete.Parameters.Add(new NpgsqlParameter("names", names.ToArray()));
            }
            else
            {
                delete.CommandText = delete.CommandText.Replace("@names", $"({string.Join(", ", names.Select((_, i) => $"@n{i}"))})", StringComparison.Ordinal);
                for (var i = 0; i < names.Count; i++)
                {
                    delete.Parameters.Add(Parameter(delete, $"@n{i}", names[i]));
                }
            }

            await delete.ExecuteNonQueryAsync(ct);
        }

        var at = Epoch.ToMs(summary.ComputedAt);
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, workspaceId, values, at, ct);
        }
        else
        {
            Insert((SqliteConnection)connection, workspaceId, values, at, ct);
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO score_summaries (workspace_id, computed_at, summary) VALUES (@ws, @at, @summary)
                ON CONFLICT (workspace_id) DO UPDATE SET computed_at = excluded.computed_at, summary = excluded.summary
                """;
            upsert.Parameters.Add(Parameter(upsert, "@ws", workspaceId));
            upsert.Parameters.Add(Parameter(upsert, "@at", at));
            upsert.Parameters.Add(Parameter(upsert, "@summary", ScoreSummaryJson.Write(summary)));
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// One prepared insert stepped per row through SQLitePCL's raw API: numbers bound as they are and names, codes and
    /// segment names (a handful of distinct texts) bound from UTF-8 bytes encoded once, so a row costs four binds and
    /// a step, with no boxing and no per-row text conversion.
    /// </summary>
    private static void Insert(SqliteConnection connection, long workspaceId, IEnumerable<ScoreValue> values, long at, CancellationToken ct)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db,
            "INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            out var insert));
        using (insert)
        {
            var texts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            byte[] Utf8(string text) => texts.TryGetValue(text, out var bytes) ? bytes : texts[text] = Encoding.UTF8.GetBytes(text);
            raw.sqlite3_bind_int64(insert, 1, workspaceId);
            raw.sqlite3_bind_int64(insert, 6, at);
            var count = 0;
            foreach (var value in values)
            {
                if (++count % 65_536 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                raw.sqlite3_bind_int64(insert, 2, value.ProfileId);
                raw.sqlite3_bind_text(insert, 3, Utf8(value.Name));
                _ = value.Number is { } number ? raw.sqlite3_bind_double(insert, 4, number) : raw.sqlite3_bind_null(insert, 4);
                _ = value.Text is { } text ? raw.sqlite3_bind_text(insert, 5, Utf8(text)) : raw.sqlite3_bind_null(insert, 5);
                var rc = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(db, rc);
                }
            }
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, long workspaceId, IEnumerable<ScoreValue> values, long at, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var value in values)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(workspaceId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(value.ProfileId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(value.Name, NpgsqlDbType.Text, ct);
            if (value.Number is { } number)
            {
                await copy.WriteAsync(number, NpgsqlDbType.Double, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }

            if (value.Text is { } text)
            {
                await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }

            await copy.WriteAsync(at, NpgsqlDbType.Bigint, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
