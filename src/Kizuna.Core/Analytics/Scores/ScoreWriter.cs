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
/// steps one prepared upsert per row with positional binds (in the write turn the ingestion writer also takes) and
/// then deletes what it did not write; PostgreSQL, under a per-workspace advisory lock, deletes the names and
/// streams the rows back with binary <c>COPY</c>. The refresh's summary is stored in the same transaction.
/// </summary>
public sealed class ScoreWriter(Database database)
{
    /// <summary>The space of the PostgreSQL advisory locks that serialise two refreshes of one workspace.</summary>
    private const int LockSpace = 0x5C0_0018;

    public async Task ReplaceAsync(long workspaceId, IReadOnlyList<string> names, IEnumerable<ScoreValue> values, ScoreSummary summary, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        if (database.Kind == StoreKind.Sqlite)
        {
            // The replacement touches millions of rows in one transaction: with the default page cache, SQLite spills
            // dirty pages to the WAL again and again before the commit. The setting goes with this connection when it
            // is closed (pooled connections get their pragmas again when opened).
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -262144";
            await cache.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var at = Epoch.ToMs(summary.ComputedAt);
        if (connection is NpgsqlConnection postgres)
        {
            // Two refreshes of one workspace at once (two nodes, or a request beside the daily job) would each delete
            // the rows they see and then copy theirs in: the second's copy would meet the first's rows. The lock,
            // held to the commit, makes the second wait and then replace the first's values whole.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @key)", postgres, (NpgsqlTransaction)transaction))
            {
                lockCommand.Parameters.AddWithValue("space", LockSpace);
                lockCommand.Parameters.AddWithValue("key", unchecked((int)workspaceId));
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            await DeleteAsync(connection, transaction, workspaceId, names, null, ct);
            await CopyAsync(postgres, workspaceId, values, at, ct);
        }
        else
        {
            // Refreshes of a workspace are serialised by the write turn. Rows are updated where they are (the name
            // index, which holds no value, is left alone) and only the rows this refresh did not write are deleted
            // afterwards: most customers keep their names from one refresh to the next, and deleting then
            // inserting every row cost two B-tree writes each. The stamp rises with every refresh, so rows left
            // with an older one are exactly those of customers who no longer qualify.
            at = Math.Max(at, await LastStampAsync(connection, transaction, workspaceId, ct) + 1);
            Upsert((SqliteConnection)connection, workspaceId, values, at, ct);
            await DeleteAsync(connection, transaction, workspaceId, names, at, ct);
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

    private static async Task<long> LastStampAsync(DbConnection connection, DbTransaction transaction, long workspaceId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT computed_at FROM score_summaries WHERE workspace_id = @ws";
        command.Parameters.Add(Parameter(command, "@ws", workspaceId));
        return await command.ExecuteScalarAsync(ct) is long last ? last : long.MinValue + 1;
    }

    /// <summary>Deletes the workspace's rows of <paramref name="names"/>; with <paramref name="before"/>, only those stamped earlier.</summary>
    private async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long workspaceId, IReadOnlyList<string> names, long? before, CancellationToken ct)
    {
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandTimeout = 0;
        // After the upsert (SQLite) the rows are read in key order, workspace first ("+name" keeps the planner off
        // the name index, which would look every row up twice); the stale ones are few.
        var name = before is null ? "name" : "+name";
        delete.CommandText = $"DELETE FROM profile_values WHERE workspace_id = @ws AND {database.Dialect.OneOf(name, "@names")}"
            + (before is null ? "" : " AND computed_at < @before");
        delete.Parameters.Add(Parameter(delete, "@ws", workspaceId));
        if (before is { } stamp)
        {
            delete.Parameters.Add(Parameter(delete, "@before", stamp));
        }

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

    /// <summary>
    /// One prepared upsert stepped per row through SQLitePCL's raw API: numbers bound as they are and names, codes and
    /// segment names (a handful of distinct texts) bound from UTF-8 bytes encoded once, so a row costs four binds and
    /// a step, with no boxing and no per-row text conversion.
    /// </summary>
    private static void Upsert(SqliteConnection connection, long workspaceId, IEnumerable<ScoreValue> values, long at, CancellationToken ct)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db,
            """
            INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (workspace_id, profile_id, name) DO UPDATE SET
                number_value = excluded.number_value, text_value = excluded.text_value, computed_at = excluded.computed_at
            """,
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
