using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Work.Changes;

/// <summary>
/// Appends to the change feed inside the caller's transaction, so the change commits (or rolls back) with what
/// it describes. The ingestion writer appends one per batch; another writer (an erasure) appends its own. On
/// PostgreSQL the transaction also notifies <see cref="ChangeNotifications.Channel"/>, which every node's consumers
/// hear at the commit.
/// </summary>
public static class ChangeLog
{
    /// <summary>
    /// Appends <paramref name="change"/> and returns its place in the feed, whose id the transaction's events carry as
    /// <c>change_id</c>.
    /// </summary>
    public static async Task<ChangePosition> AppendAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, ChangeRecord change, CancellationToken ct)
    {
        var sql = $"""
            INSERT INTO changes (tx, committed_at, event_count, profiles, merges, erased)
            VALUES ({dialect.CurrentTransaction}, @at, @count, {dialect.Json("@profiles")}, {dialect.Json("@merges")}, {dialect.Json("@erased")})
            RETURNING tx, id{(dialect.Kind == StoreKind.Postgres ? $"; NOTIFY {ChangeNotifications.Channel}" : "")}
            """;
        var (tx, id) = await connection.QuerySingleAsync<(long Tx, long Id)>(new CommandDefinition(sql, new
        {
            at = change.CommittedAt.ToUnixTimeMilliseconds(),
            count = change.EventCount,
            profiles = Json(change.ChangedProfiles, (w, p) => { w.WriteNumberValue(p.WorkspaceId); w.WriteNumberValue(p.ProfileId); }),
            merges = Json(change.Merges, (w, m) => { w.WriteNumberValue(m.WorkspaceId); w.WriteNumberValue(m.From); w.WriteNumberValue(m.Into); }),
            erased = Json(change.Erased, (w, p) => { w.WriteNumberValue(p.WorkspaceId); w.WriteNumberValue(p.ProfileId); }),
        }, transaction, cancellationToken: ct));
        return new ChangePosition(tx, id);
    }

    /// <summary>
    /// Sets the change's committed time to now, as the last statement before its transaction commits: appended
    /// before its events, the row would otherwise be stamped with the time the transaction began writing them.
    /// </summary>
    internal static void Stamp(PendingWrites writes, long changeId, DateTimeOffset at) =>
        writes.Add("UPDATE changes SET committed_at = @at WHERE id = @changeId", ("@at", at.ToUnixTimeMilliseconds()), ("@changeId", changeId));

    /// <summary>A JSON array of arrays of numbers: <c>[[1,2],[1,3]]</c>.</summary>
    private static string Json<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + items.Count * 24);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStartArray();
                write(writer, item);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static List<(long WorkspaceId, long ProfileId)> ReadPairs(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => (e[0].GetInt64(), e[1].GetInt64()))];
    }

    internal static List<ProfileMerge> ReadMerges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new ProfileMerge(e[0].GetInt64(), e[1].GetInt64(), e[2].GetInt64()))];
    }
}
