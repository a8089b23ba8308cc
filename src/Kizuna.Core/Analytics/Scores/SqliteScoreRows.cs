using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Writes a refresh's rows into <c>customer_scores</c> on SQLite as changes: the stored rows are read range of
/// customers by range (each range one indexed read, so the writes never run under an open cursor) and compared with
/// the new ones, and only rows that are new or differ are written and only customers no longer scored deleted. A
/// refresh that finds most customers as they were (a second refresh the same day, an imported history scored as of
/// its last day) writes almost nothing; a daily refresh updates one row per customer whose predictions moved.
/// Statements are stepped through SQLitePCL's raw API with texts encoded once, without boxing.
/// </summary>
internal sealed class SqliteScoreRows(SqliteConnection connection, long workspaceId, long at) : IDisposable
{
    private const int RowsPerRange = 100_000;

    private const string Columns = "rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment, predicted_clv, p_alive, expected_purchases, churn_risk";

    private readonly sqlite3 _db = connection.Handle!;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private sqlite3_stmt? _read, _insert, _update, _delete;

    /// <summary>Rows written (new or changed) and deleted so far.</summary>
    public (long Written, long Deleted) Counts { get; private set; }

    public void Apply(IEnumerable<ScoreRow> rows, CancellationToken ct)
    {
        _read = Prepare($"SELECT profile_id, {Columns} FROM customer_scores WHERE workspace_id = ?1 AND profile_id BETWEEN ?2 AND ?3 ORDER BY profile_id");
        // The read tells which rows exist, so a changed row is updated by its key (one seek) and a new one inserted,
        // rather than upserted (a seek that meets the conflict, then another for the update).
        _insert = Prepare($"INSERT INTO customer_scores (workspace_id, profile_id, {Columns}, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        _update = Prepare("""
            UPDATE customer_scores SET rfm_recency = ?3, rfm_frequency = ?4, rfm_monetary = ?5, rfm_score = ?6, rfm_segment = ?7,
                predicted_clv = ?8, p_alive = ?9, expected_purchases = ?10, churn_risk = ?11, computed_at = ?12
            WHERE workspace_id = ?1 AND profile_id = ?2
            """);
        _delete = Prepare("DELETE FROM customer_scores WHERE workspace_id = ?1 AND profile_id = ?2");
        foreach (var statement in new[] { _read, _insert, _update, _delete })
        {
            raw.sqlite3_bind_int64(statement, 1, workspaceId);
        }

        raw.sqlite3_bind_int64(_insert, 12, at);
        raw.sqlite3_bind_int64(_update, 12, at);
        var range = new List<ScoreRow>(RowsPerRange);
        var low = long.MinValue;
        foreach (var row in rows)
        {
            if (range.Count >= RowsPerRange)
            {
                ct.ThrowIfCancellationRequested();
                Compare(range, low, range[^1].ProfileId);
                low = range[^1].ProfileId + 1;
                range.Clear();
            }

            range.Add(row);
        }

        Compare(range, low, long.MaxValue);
    }

    /// <summary>
    /// Merges the new rows of customers <paramref name="low"/>–<paramref name="high"/> with the stored ones as the read
    /// steps through them in key order; the changes are applied once the read is done.
    /// </summary>
    private void Compare(List<ScoreRow> fresh, long low, long high)
    {
        if (!IsInKeyOrder(fresh))
        {
            fresh.Sort((a, b) => a.ProfileId.CompareTo(b.ProfileId));
        }

        var (inserts, updates, deletes) = (new List<ScoreRow>(), new List<ScoreRow>(), new List<long>());
        raw.sqlite3_bind_int64(_read, 2, low);
        raw.sqlite3_bind_int64(_read, 3, high);
        var i = 0;
        int rc;
        while ((rc = raw.sqlite3_step(_read)) == raw.SQLITE_ROW)
        {
            var stored = raw.sqlite3_column_int64(_read, 0);
            while (i < fresh.Count && fresh[i].ProfileId < stored)
            {
                inserts.Add(fresh[i++]);
            }

            if (i < fresh.Count && fresh[i].ProfileId == stored)
            {
                if (!SameAsStored(fresh[i]))
                {
                    updates.Add(fresh[i]);
                }

                i++;
            }
            else
            {
                deletes.Add(stored);
            }
        }

        raw.sqlite3_reset(_read);
        Check(rc);
        inserts.AddRange(fresh.Skip(i));
        inserts.ForEach(r => Write(_insert!, r));
        updates.ForEach(r => Write(_update!, r));
        deletes.ForEach(Delete);
    }

    private bool SameAsStored(ScoreRow row) =>
        raw.sqlite3_column_int64(_read, 1) == row.Recency
        && raw.sqlite3_column_int64(_read, 2) == row.Frequency
        && raw.sqlite3_column_int64(_read, 3) == row.Monetary
        && raw.sqlite3_column_blob(_read, 4).SequenceEqual(Utf8(row.Code))
        && raw.sqlite3_column_blob(_read, 5).SequenceEqual(Utf8(row.Segment))
        && SameNumber(6, row.PredictedClv) && SameNumber(7, row.ProbabilityAlive) && SameNumber(8, row.ExpectedPurchases) && SameNumber(9, row.ChurnRisk);

    private bool SameNumber(int column, double? number) =>
        number is { } n ? raw.sqlite3_column_type(_read, column) != raw.SQLITE_NULL && raw.sqlite3_column_double(_read, column) == n
            : raw.sqlite3_column_type(_read, column) == raw.SQLITE_NULL;

    private static bool IsInKeyOrder(List<ScoreRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i - 1].ProfileId > rows[i].ProfileId)
            {
                return false;
            }
        }

        return true;
    }

    private void Write(sqlite3_stmt statement, ScoreRow row)
    {
        raw.sqlite3_bind_int64(statement, 2, row.ProfileId);
        raw.sqlite3_bind_int(statement, 3, row.Recency);
        raw.sqlite3_bind_int(statement, 4, row.Frequency);
        raw.sqlite3_bind_int(statement, 5, row.Monetary);
        raw.sqlite3_bind_text(statement, 6, Utf8(row.Code));
        raw.sqlite3_bind_text(statement, 7, Utf8(row.Segment));
        Bind(statement, 8, row.PredictedClv);
        Bind(statement, 9, row.ProbabilityAlive);
        Bind(statement, 10, row.ExpectedPurchases);
        Bind(statement, 11, row.ChurnRisk);
        Step(statement);
        Counts = (Counts.Written + 1, Counts.Deleted);
    }

    private static void Bind(sqlite3_stmt statement, int index, double? number) =>
        _ = number is { } n ? raw.sqlite3_bind_double(statement, index, n) : raw.sqlite3_bind_null(statement, index);

    private void Delete(long profileId)
    {
        raw.sqlite3_bind_int64(_delete, 2, profileId);
        Step(_delete!);
        Counts = (Counts.Written, Counts.Deleted + 1);
    }

    private byte[] Utf8(string text) => _utf8.TryGetValue(text, out var bytes) ? bytes : _utf8[text] = Encoding.UTF8.GetBytes(text);

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        Check(rc);
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    public void Dispose()
    {
        _read?.Dispose();
        _insert?.Dispose();
        _update?.Dispose();
        _delete?.Dispose();
    }
}
