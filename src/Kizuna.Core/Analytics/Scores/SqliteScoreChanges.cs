using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Writes a refresh's values into <c>profile_values</c> on SQLite as changes: the stored rows of the score names are
/// read range of customers by range (each range one indexed read, so the writes never run under an open cursor) and
/// compared with the new ones, and only rows that are new or differ are written and only rows no longer produced
/// deleted. A refresh that finds most customers as they were (a second refresh the same day, an imported history
/// scored as of its last day) writes almost nothing; writing a row costs a B-tree seek and rewrite, reading it a step.
/// Statements are stepped through SQLitePCL's raw API with texts encoded once, without boxing.
/// </summary>
internal sealed class SqliteScoreChanges(SqliteConnection connection, long workspaceId, IReadOnlyList<string> names, long at) : IDisposable
{
    private const int RowsPerRange = 100_000;

    private readonly sqlite3 _db = connection.Handle!;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private readonly (string Name, byte[] Utf8)[] _names = [.. names.Select(n => (n, Encoding.UTF8.GetBytes(n)))];
    private sqlite3_stmt? _read, _upsert, _delete;

    /// <summary>Rows written (new or changed) and deleted so far.</summary>
    public (long Written, long Deleted) Counts { get; private set; }

    public void Apply(IEnumerable<ScoreValue> values, CancellationToken ct)
    {
        _read = Prepare("SELECT profile_id, name, number_value, text_value FROM profile_values WHERE workspace_id = ?1 AND profile_id BETWEEN ?2 AND ?3");
        _upsert = Prepare("""
            INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (workspace_id, profile_id, name) DO UPDATE SET
                number_value = excluded.number_value, text_value = excluded.text_value, computed_at = excluded.computed_at
            """);
        _delete = Prepare("DELETE FROM profile_values WHERE workspace_id = ?1 AND profile_id = ?2 AND name = ?3");
        foreach (var statement in new[] { _read, _upsert, _delete })
        {
            raw.sqlite3_bind_int64(statement, 1, workspaceId);
        }

        raw.sqlite3_bind_int64(_upsert, 6, at);
        var range = new List<ScoreValue>(RowsPerRange + 16);
        var low = long.MinValue;
        foreach (var value in values)
        {
            // A range ends between two customers, so each customer's rows are compared together.
            if (range.Count >= RowsPerRange && value.ProfileId != range[^1].ProfileId)
            {
                ct.ThrowIfCancellationRequested();
                Compare(range, low, range[^1].ProfileId);
                low = range[^1].ProfileId + 1;
                range.Clear();
            }

            range.Add(value);
        }

        Compare(range, low, long.MaxValue);
    }

    /// <summary>Merges the new rows of customers <paramref name="low"/>–<paramref name="high"/> with the stored ones, both in key order.</summary>
    private void Compare(List<ScoreValue> fresh, long low, long high)
    {
        var stored = Stored(low, high);
        fresh.Sort(KeyOrder);
        var (i, j) = (0, 0);
        while (i < fresh.Count || j < stored.Count)
        {
            var order = i == fresh.Count ? 1 : j == stored.Count ? -1 : KeyOrder(fresh[i], stored[j]);
            if (order < 0 || (order == 0 && (fresh[i].Number != stored[j].Number || !string.Equals(fresh[i].Text, stored[j].Text, StringComparison.Ordinal))))
            {
                Write(fresh[i]);
            }
            else if (order > 0)
            {
                Delete(stored[j]);
            }

            (i, j) = (order <= 0 ? i + 1 : i, order >= 0 ? j + 1 : j);
        }
    }

    private List<ScoreValue> Stored(long low, long high)
    {
        var rows = new List<ScoreValue>(RowsPerRange + 16);
        raw.sqlite3_bind_int64(_read, 2, low);
        raw.sqlite3_bind_int64(_read, 3, high);
        int rc;
        while ((rc = raw.sqlite3_step(_read)) == raw.SQLITE_ROW)
        {
            // The name is matched as bytes: the workspace's rows of other features' names are skipped without a string.
            if (Owned(raw.sqlite3_column_blob(_read, 1)) is { } name)
            {
                rows.Add(new ScoreValue(raw.sqlite3_column_int64(_read, 0), name,
                    raw.sqlite3_column_type(_read, 2) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(_read, 2),
                    raw.sqlite3_column_type(_read, 3) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_read, 3).utf8_to_string()));
            }
        }

        raw.sqlite3_reset(_read);
        Check(rc);
        rows.Sort(KeyOrder);
        return rows;
    }

    private string? Owned(ReadOnlySpan<byte> name)
    {
        foreach (var (text, utf8) in _names)
        {
            if (name.SequenceEqual(utf8))
            {
                return text;
            }
        }

        return null;
    }

    private void Write(ScoreValue value)
    {
        raw.sqlite3_bind_int64(_upsert, 2, value.ProfileId);
        raw.sqlite3_bind_text(_upsert, 3, Utf8(value.Name));
        _ = value.Number is { } number ? raw.sqlite3_bind_double(_upsert, 4, number) : raw.sqlite3_bind_null(_upsert, 4);
        _ = value.Text is { } text ? raw.sqlite3_bind_text(_upsert, 5, Utf8(text)) : raw.sqlite3_bind_null(_upsert, 5);
        Step(_upsert!);
        Counts = (Counts.Written + 1, Counts.Deleted);
    }

    private void Delete(ScoreValue value)
    {
        raw.sqlite3_bind_int64(_delete, 2, value.ProfileId);
        raw.sqlite3_bind_text(_delete, 3, Utf8(value.Name));
        Step(_delete!);
        Counts = (Counts.Written, Counts.Deleted + 1);
    }

    private static int KeyOrder(ScoreValue a, ScoreValue b) =>
        a.ProfileId != b.ProfileId ? a.ProfileId.CompareTo(b.ProfileId) : string.CompareOrdinal(a.Name, b.Name);

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
        _upsert?.Dispose();
        _delete?.Dispose();
    }
}
