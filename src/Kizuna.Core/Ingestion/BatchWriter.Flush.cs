using Kizuna.Commerce;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuna.Ingestion;

// Writing what the transaction folded: orders first (they change profile aggregates, see OrderLedger), accounts, then identities,
// profiles, events, per-event counts and daily roll-ups (per profile and per workspace), each as bulk statements.
// On PostgreSQL rows are written in key order, so two nodes that touch the same rows lock them in the same order
// and wait for each other instead of deadlocking; SQLite's single writer takes no row locks and skips the sort.
internal sealed partial class BatchWriter
{
    /// <summary>This process's slot of the per-workspace daily roll-up (see migration 0006).</summary>
    private static readonly int WorkspaceDailySlot = Random.Shared.Next(16);

    private static readonly bool[] EventJson = [false, false, false, false, false, false, false, false, true, true, false];

    /// <summary>
    /// Writes what the transaction folded. The orders go first, as their ledger reads what it writes; every write
    /// after them only adds to <paramref name="writes"/>, which on PostgreSQL sends them in one round trip.
    /// </summary>
    private async Task FlushAsync(PendingWrites writes, long? changeId, CancellationToken ct)
    {
        await ApplySpendAsync(writes, await new OrderLedger(connection, transaction, dialect).WriteAsync(_orders, ct), ct);
        await WriteAccountsAsync(writes, ct);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO identities (workspace_id, kind, value, profile_id)",
            [.. InLockOrder(_newIdentities, r => r.OrderBy(i => i.Key.Ws).ThenBy(i => i.Key.Kind, StringComparer.Ordinal).ThenBy(i => i.Key.Value, StringComparer.Ordinal)).Select(i => new object?[] { i.Key.Ws, i.Key.Kind, i.Key.Value, i.Value })],
            "ON CONFLICT (workspace_id, kind, value) DO UPDATE SET profile_id = excluded.profile_id", null);

        WriteProfiles(writes);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO events (workspace_id, profile_id, event_id, message_id, type, name, ts, received_at, properties, context, change_id)",
            [.. _events.Select(e => new object?[]
            {
                e.Ws, e.ProfileId, e.EventId, e.Message.MessageId, TypeName(e.Message.Type), e.Message.Name,
                e.Message.Timestamp.ToUnixTimeMilliseconds(), e.Message.ReceivedAt.ToUnixTimeMilliseconds(),
                e.Message.PropertiesJson ?? e.Message.TraitsJson, e.Message.ContextJson, changeId,
            })],
            "", EventJson);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO event_counts (workspace_id, profile_id, name, count, first_at, last_at)",
            [.. InLockOrder(_counts, r => r.OrderBy(c => c.Key.Ws).ThenBy(c => c.Key.Profile).ThenBy(c => c.Key.Name, StringComparer.Ordinal)).Select(c => new object?[] { c.Key.Ws, c.Key.Profile, c.Key.Name, c.Value.Count, c.Value.First, c.Value.Last })],
            $"""
            ON CONFLICT (workspace_id, profile_id, name) DO UPDATE SET count = event_counts.count + excluded.count,
                first_at = {dialect.Least("event_counts.first_at", "excluded.first_at")}, last_at = {dialect.Greatest("event_counts.last_at", "excluded.last_at")}
            """, null);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO daily_counts (workspace_id, profile_id, name, day, count)",
            [.. InLockOrder(_daily, r => r.OrderBy(d => d.Key.Ws).ThenBy(d => d.Key.Profile).ThenBy(d => d.Key.Name, StringComparer.Ordinal).ThenBy(d => d.Key.Day)).Select(d => new object?[] { d.Key.Ws, d.Key.Profile, d.Key.Name, d.Key.Day, d.Value })],
            "ON CONFLICT (workspace_id, profile_id, name, day) DO UPDATE SET count = daily_counts.count + excluded.count", null);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO workspace_daily_counts (workspace_id, day, name, slot, count)",
            [.. InLockOrder(_workspaceDaily, r => r.OrderBy(d => d.Key.Ws).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Name, StringComparer.Ordinal)).Select(d => new object?[] { d.Key.Ws, d.Key.Day, d.Key.Name, WorkspaceDailySlot, d.Value })],
            "ON CONFLICT (workspace_id, day, name, slot) DO UPDATE SET count = workspace_daily_counts.count + excluded.count", null);

        ReturnUnusedIds(writes);
    }

    /// <summary>
    /// Every profile the transaction changed. SQLite rewrites each index an upsert's <c>SET</c> names, even with an
    /// unchanged value, and most profiles only gain activity: those take an <c>UPDATE</c> that leaves the user-id and
    /// email indexes alone (2.5x cheaper per row measured); new profiles and changed identities take the upsert.
    /// </summary>
    private void WriteProfiles(PendingWrites writes)
    {
        var sqlite = connection as SqliteConnection;
        var dirty = _profiles.Values.Where(p => p.Dirty).ToList();
        var upserts = sqlite is null ? [.. InLockOrder(dirty, r => r.OrderBy(p => p.WorkspaceId).ThenBy(p => p.Id))] : dirty.Where(p => p.NeedsUpsert).ToList();
        var updates = sqlite is null ? [] : dirty.Where(p => !p.NeedsUpsert).ToList();
        BulkSql.Insert(writes, dialect, ProfileColumns.InsertHead,
            [.. upserts.Select(p => ProfileColumns.Row(p, dialect.Kind))], ProfileColumns.UpsertTail, ProfileColumns.JsonMask);
        if (sqlite is not null && updates.Count > 0)
        {
            BulkSql.RunForEachRow(sqlite, ProfileColumns.SqliteActivityUpdate, [.. updates.Select(p => ProfileColumns.Row(p, dialect.Kind))]);
        }
    }

    private IEnumerable<T> InLockOrder<T>(IEnumerable<T> rows, Func<IEnumerable<T>, IOrderedEnumerable<T>> order) =>
        connection is SqliteConnection ? rows : order(rows);

    private static string TypeName(MessageType type) => type switch
    {
        MessageType.Identify => "identify",
        MessageType.Track => "track",
        MessageType.Page => "page",
        MessageType.Screen => "screen",
        MessageType.Group => "group",
        _ => "alias",
    };
}
