using System.Data.Common;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Replaces the scores of a workspace in <c>customer_scores</c> (one row per customer) whole, in one transaction:
/// readers see the previous refresh or this one, never a mix, and a customer who no longer qualifies loses the old
/// row. SQLite compares the rows with the stored ones and writes only the changes (<see cref="SqliteScoreRows"/>, in
/// the write turn the ingestion writer also takes); PostgreSQL, under a per-workspace advisory lock, streams the rows
/// with binary <c>COPY</c> (its fastest bulk path) into a temporary table and merges them from there in two
/// statements. Either way a row that did not change keeps its time. The refresh's summary is stored in the same
/// transaction.
/// </summary>
public sealed class ScoreWriter(Database database)
{
    /// <summary>The space of the PostgreSQL advisory locks that serialise two refreshes of one workspace.</summary>
    private const int LockSpace = 0x5C0_0018;

    /// <summary>Replaces the rows; answers the rows written (new or changed) and the rows deleted.</summary>
    public Task<(long Written, long Deleted)> ReplaceAsync(long workspaceId, IEnumerable<ScoreRow> rows, ScoreSummary summary, CancellationToken ct) =>
        ReplaceAsync(workspaceId, rows, summary.ComputedAt, Task.FromResult(summary), ct);

    /// <summary>
    /// Replaces the rows as of <paramref name="computedAt"/>, and stores <paramref name="summary"/> once the rows are
    /// written (it may still be counted meanwhile); answers the rows written (new or changed) and the rows deleted.
    /// </summary>
    public async Task<(long Written, long Deleted)> ReplaceAsync(
        long workspaceId, IEnumerable<ScoreRow> rows, DateTimeOffset computedAt, Task<ScoreSummary> summary, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        if (database.Kind == StoreKind.Sqlite)
        {
            // The replacement touches a million rows in one transaction: with the default page cache, SQLite spills
            // dirty pages to the WAL again and again before the commit. The setting goes with this connection when it
            // is closed (pooled connections get their pragmas again when opened).
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -262144";
            await cache.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var at = Epoch.ToMs(computedAt);
        (long Written, long Deleted) counts;
        if (connection is NpgsqlConnection postgres)
        {
            // Two refreshes of one workspace at once (two nodes, or a request beside the daily job) would each delete
            // the rows they see and then copy theirs in: the second's copy would meet the first's rows. The lock,
            // held to the commit, makes the second wait and then replace the first's rows whole.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @key)", postgres, (NpgsqlTransaction)transaction))
            {
                lockCommand.Parameters.AddWithValue("space", LockSpace);
                lockCommand.Parameters.AddWithValue("key", unchecked((int)workspaceId));
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            await using (var create = new NpgsqlCommand(
                """
                CREATE TEMPORARY TABLE score_rows (profile_id bigint, rfm_recency bigint, rfm_frequency bigint, rfm_monetary bigint,
                    rfm_score text, rfm_segment text, predicted_clv double precision, p_alive double precision,
                    expected_purchases double precision, churn_risk double precision) ON COMMIT DROP
                """, postgres, (NpgsqlTransaction)transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await CopyAsync(postgres, rows, ct);
            counts = (await ExecuteAsync(postgres, transaction, Upsert, workspaceId, at, ct), await ExecuteAsync(postgres, transaction, Stale, workspaceId, at, ct));
        }
        else
        {
            // Refreshes of a workspace are serialised by the write turn. Only rows that changed are written (see
            // SqliteScoreRows); the stamp still rises with every refresh, so a written row is always newer.
            at = Math.Max(at, await LastStampAsync(connection, transaction, workspaceId, ct) + 1);
            using var changes = new SqliteScoreRows((SqliteConnection)connection, workspaceId, at);
            changes.Apply(rows, ct);
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
            upsert.Parameters.Add(Parameter(upsert, "@summary", ScoreSummaryJson.Write(await summary)));
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

    // The rows are copied into a temporary table and merged from there, as SQLite does row by row: a row that did not
    // change keeps its time, so both engines say when a customer's scores last changed.
    private const string Upsert = """
        INSERT INTO customer_scores (workspace_id, profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment,
            predicted_clv, p_alive, expected_purchases, churn_risk, computed_at)
        SELECT @ws, profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment,
            predicted_clv, p_alive, expected_purchases, churn_risk, @at FROM score_rows
        ON CONFLICT (workspace_id, profile_id) DO UPDATE SET
            rfm_recency = excluded.rfm_recency, rfm_frequency = excluded.rfm_frequency, rfm_monetary = excluded.rfm_monetary,
            rfm_score = excluded.rfm_score, rfm_segment = excluded.rfm_segment, predicted_clv = excluded.predicted_clv,
            p_alive = excluded.p_alive, expected_purchases = excluded.expected_purchases, churn_risk = excluded.churn_risk,
            computed_at = excluded.computed_at
        WHERE (customer_scores.rfm_recency, customer_scores.rfm_frequency, customer_scores.rfm_monetary, customer_scores.rfm_score,
                customer_scores.rfm_segment, customer_scores.predicted_clv, customer_scores.p_alive, customer_scores.expected_purchases,
                customer_scores.churn_risk)
            IS DISTINCT FROM (excluded.rfm_recency, excluded.rfm_frequency, excluded.rfm_monetary, excluded.rfm_score,
                excluded.rfm_segment, excluded.predicted_clv, excluded.p_alive, excluded.expected_purchases, excluded.churn_risk)
        """;

    private const string Stale = """
        DELETE FROM customer_scores c WHERE c.workspace_id = @ws
            AND NOT EXISTS (SELECT 1 FROM score_rows r WHERE r.profile_id = c.profile_id)
        """;

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, DbTransaction transaction, string sql, long workspaceId, long at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("ws", workspaceId);
        command.Parameters.AddWithValue("at", at);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<ScoreRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY score_rows (profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment,
                predicted_clv, p_alive, expected_purchases, churn_risk) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.ProfileId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)row.Recency, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)row.Frequency, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)row.Monetary, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(row.Code, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Segment, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, row.PredictedClv, ct);
            await WriteAsync(copy, row.ProbabilityAlive, ct);
            await WriteAsync(copy, row.ExpectedPurchases, ct);
            await WriteAsync(copy, row.ChurnRisk, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, double? number, CancellationToken ct)
    {
        if (number is { } n)
        {
            await copy.WriteAsync(n, NpgsqlDbType.Double, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
