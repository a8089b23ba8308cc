using System.Data.Common;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Replaces the score names of a workspace in <c>profile_values</c> whole, in one transaction: readers see the
/// previous refresh or this one, never a mix, and a customer who no longer qualifies loses the old values. SQLite
/// compares the rows with the stored ones and writes only the changes (<see cref="SqliteScoreChanges"/>, in the write
/// turn the ingestion writer also takes); PostgreSQL, under a per-workspace advisory lock, streams the rows with binary
/// <c>COPY</c> (its fastest bulk path) into a temporary table and merges them from there in two statements. Either
/// way a value that did not change keeps its row and its time. The refresh's summary is stored in the same
/// transaction.
/// </summary>
public sealed class ScoreWriter(Database database)
{
    /// <summary>The space of the PostgreSQL advisory locks that serialise two refreshes of one workspace.</summary>
    private const int LockSpace = 0x5C0_0018;

    /// <summary>Replaces the values; answers the rows written and the rows deleted.</summary>
    public async Task<(long Written, long Deleted)> ReplaceAsync(long workspaceId, IReadOnlyList<string> names, IEnumerable<ScoreValue> values, ScoreSummary summary, CancellationToken ct)
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
        (long Written, long Deleted) counts;
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

            await using (var create = new NpgsqlCommand("CREATE TEMPORARY TABLE score_rows (profile_id bigint, name text, number_value double precision, text_value text) ON COMMIT DROP", postgres, (NpgsqlTransaction)transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await CopyAsync(postgres, values, ct);
            counts = (await ExecuteAsync(postgres, transaction, Upsert, workspaceId, names, at, ct), await ExecuteAsync(postgres, transaction, Stale, workspaceId, names, at, ct));
        }
        else
        {
            // Refreshes of a workspace are serialised by the write turn. Only rows that changed are written (see
            // SqliteScoreChanges); the stamp still rises with every refresh, so a written row is always newer.
            at = Math.Max(at, await LastStampAsync(connection, transaction, workspaceId, ct) + 1);
            using var changes = new SqliteScoreChanges((SqliteConnection)connection, workspaceId, names, at);
            changes.Apply(values, ct);
            counts = changes.Counts;
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
        return counts;
    }

    private static async Task<long> LastStampAsync(DbConnection connection, DbTransaction transaction, long workspaceId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT computed_at FROM score_summaries WHERE workspace_id = @ws";
        command.Parameters.Add(Parameter(command, "@ws", workspaceId));
        return await command.ExecuteScalarAsync(ct) is long last ? last : long.MinValue + 1;
    }

    // The rows are copied into a temporary table and merged from there, as SQLite does row by row: a value that did not
    // change keeps its row and its time, so both engines say when a value last changed.
    private const string Upsert = """
        INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at)
        SELECT @ws, profile_id, name, number_value, text_value, @at FROM score_rows
        ON CONFLICT (workspace_id, profile_id, name) DO UPDATE SET
            number_value = excluded.number_value, text_value = excluded.text_value, computed_at = excluded.computed_at
        WHERE profile_values.number_value IS DISTINCT FROM excluded.number_value OR profile_values.text_value IS DISTINCT FROM excluded.text_value
        """;

    private const string Stale = """
        DELETE FROM profile_values v WHERE v.workspace_id = @ws AND v.name = ANY(@names)
            AND NOT EXISTS (SELECT 1 FROM score_rows r WHERE r.profile_id = v.profile_id AND r.name = v.name)
        """;

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, DbTransaction transaction, string sql, long workspaceId, IReadOnlyList<string> names, long at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("ws", workspaceId);
        command.Parameters.AddWithValue("names", names.ToArray());
        command.Parameters.AddWithValue("at", at);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<ScoreValue> values, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY score_rows (profile_id, name, number_value, text_value) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var value in values)
        {
            await copy.StartRowAsync(ct);
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
