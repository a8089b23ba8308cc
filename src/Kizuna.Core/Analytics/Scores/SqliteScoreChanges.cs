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
    private sqlite3_stmt? _read, _insert, _update, _delete;

    /// <summary>Rows written (new or changed) and deleted so far.</summary>
    public (long Written, long Deleted) Counts { get; private set; }

    public void Apply(IEnumerable<ScoreValue> values, CancellationToken ct)
    {
        _read = Prepare("SELECT profile_id, name, number_value, text_value FROM profile_values WHERE workspace_id = ?1 AND profile_id BETWEEN ?2 AND ?3 ORDER BY profile_id, name");
        // The read tells which rows exist, so a changed row is updated by its key (one seek) and a new one inserted, rather
        // than upserted (a seek that meets the conflict, then another for the update).
        _insert = Prepare("INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        _update = Prepare("UPDATE profile_values SET number_value = ?4, text_value = ?5, computed_at = ?6 WHERE workspace_id = ?1 AND profile_id = ?2 AND name = ?3");
        _delete = Prepare("DELETE FROM profile_values WHERE workspace_id = ?1 AND profile_id = ?2 AND name = ?3");
        foreach (var statement in new[] { _read, _insert, _update, _delete })
        {
            raw.sqlite3_bind_int64(statement, 1, workspaceId);
        }

        raw.sqlite3_bind_int64(_insert, 6, at);
        raw.sqlite3_bind_int64(_update, 6, at);
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

    /// <summary>
    /// Merges the new rows of customers <paramref name="low"/>–<paramref name="high"/> with the stored ones as the read
    /// steps through them in key order, comparing texts as UTF-8 bytes; the changes are applied once the read is done.
    /// </summary>
    private void Compare(List<ScoreValue> fresh, long low, long high)
    {
        if (!IsInKeyOrder(fresh))
        {
            fresh.Sort(KeyOrder);
        }

        var (inserts, updates, deletes) = (new List<ScoreValue>(), new List<ScoreValue>(), new List<ScoreValue>());
        raw.sqlite3_bind_int64(_read, 2, low);
        raw.sqlite3_bind_int64(_read, 3, high);
        var i = 0;
        int rc;
        while ((rc = raw.sqlite3_step(_read)) == raw.SQLITE_ROW)
        {
            if (Owned(raw.sqlite3_column_blob(_read, 1)) is not { } name)
            {
                continue;   // another feature's value
            }

            var stored = new ScoreValue(raw.sqlite3_column_int64(_read, 0), name, null, null);
            while (i < fresh.Count && KeyOrder(fresh[i], stored) < 0)
            {
                inserts.Add(fresh[i++]);
            }

            if (i < fresh.Count && KeyOrder(fresh[i], stored) == 0)
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
        inserts.ForEach(v => Write(_insert!, v));
        updates.ForEach(v => Write(_update!, v));
        deletes.ForEach(Delete);
    }

    private bool SameAsStored(ScoreValue value)
    {
        var (numberType, textType) = (raw.sqlite3_column_type(_read, 2), raw.sqlite3_column_type(_read, 3));
        return (value.Number is { } number ? numberType != raw.SQLITE_NULL && raw.sqlite3_column_double(_read, 2) == number : numberType == raw.SQLITE_NULL)
            && (value.Text is { } text ? textType == raw.SQLITE_TEXT && raw.sqlite3_column_blob(_read, 3).SequenceEqual(Utf8(text)) : textType == raw.SQLITE_NULL);
    }

    private static bool IsInKeyOrder(List<ScoreValue> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (KeyOrder(values[i - 1], values[i]) > 0)
            {
                return false;
            }
        }

        return true;
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

    private void Write(sqlite3_stmt statement, ScoreValue value)
    {
        raw.sqlite3_bind_int64(statement, 2, value.ProfileId);
        raw.sqlite3_bind_text(statement, 3, Utf8(value.Name));
        _ = value.Number is { } number ? raw.sqlite3_bind_double(statement, 4, number) : raw.sqlite3_bind_null(statement, 4);
        _ = value.Text is { } text ? raw.sqlite3_bind_text(statement, 5, Utf8(text)) : raw.sqlite3_bind_null(statement, 5);
        Step(statement);
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
        _insert?.Dispose();
        _update?.Dispose();
        _delete?.Dispose();
    }
}
