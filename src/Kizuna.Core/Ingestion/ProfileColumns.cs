using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>
/// The columns of <c>profiles</c> the batch writer reads and writes, in one list: the select list, the reader, the
/// upsert, the JSON mask and the numbered SQLite update are all derived from it, so a new profile column (a
/// computed aggregate, say) is one line here, one property on <see cref="ProfileState"/> and a migration.
/// </summary>
internal static class ProfileColumns
{
    /// <summary>The key columns lead every written row: <c>workspace_id</c>, <c>id</c>.</summary>
    private const int KeyWidth = 2;

    private static readonly ProfileColumn[] Values =
    [
        new("user_id", (p, _) => p.UserId, (p, r, i, _) => p.UserId = Text(r, i), Indexed: true),
        new("email", (p, _) => p.Email, (p, r, i, _) => p.Email = Text(r, i), Indexed: true),
        new("traits", (p, _) => p.TraitsToStore(), (p, r, i, _) => p.TraitsJson = r.GetString(i), Json: true),
        new("context", (p, _) => p.ContextToStore(), (p, r, i, _) => p.ContextJson = r.GetString(i), Json: true),
        new("traits_updated_at", (p, _) => p.TraitsUpdatedAt, (p, r, i, _) => p.TraitsUpdatedAt = r.GetInt64(i)),
        new("first_seen", (p, _) => p.FirstSeen == long.MaxValue ? p.LastSeen : p.FirstSeen, (p, r, i, _) => p.FirstSeen = r.GetInt64(i)),
        new("last_seen", (p, _) => p.LastSeen, (p, r, i, _) => p.LastSeen = r.GetInt64(i)),
        new("session_count", (p, _) => p.SessionCount, (p, r, i, _) => p.SessionCount = r.GetInt64(i)),
        new("page_views", (p, _) => p.PageViews, (p, r, i, _) => p.PageViews = r.GetInt64(i)),
        new("event_count", (p, _) => p.EventCount, (p, r, i, _) => p.EventCount = r.GetInt64(i)),
        new("order_count", (p, _) => p.OrderCount, (p, r, i, _) => p.OrderCount = r.GetInt64(i)),
        new("total_spent", (p, kind) => Money.ToStored(p.TotalSpent, kind), (p, r, i, kind) => p.TotalSpent = r.GetMoney(i, kind)),
        new("currency", (p, _) => p.Currency, (p, r, i, _) => p.Currency = Text(r, i)),
        new("first_order_at", (p, _) => p.FirstOrderAt, (p, r, i, _) => p.FirstOrderAt = Number(r, i)),
        new("last_order_at", (p, _) => p.LastOrderAt, (p, r, i, _) => p.LastOrderAt = Number(r, i)),
        new("merged_into", (p, _) => p.MergedInto, null),   // identities never lead to a merged profile, so it is never read
        new("context_key", (p, _) => p.ContextKey, (p, r, i, _) => p.ContextKey = Number(r, i)),
    ];

    private static readonly ProfileColumn[] Readable = [.. Values.Where(c => c.Read is not null)];

    /// <summary>The head of the insert: every column, keys first.</summary>
    public static readonly string InsertHead =
        $"INSERT INTO profiles (workspace_id, id, {string.Join(", ", Values.Select(c => c.Name))})";

    /// <summary>An existing row takes every value of the new one.</summary>
    public static readonly string UpsertTail =
        $"ON CONFLICT (workspace_id, id) DO UPDATE SET {string.Join(", ", Values.Select(c => $"{c.Name} = excluded.{c.Name}"))}";

    /// <summary>Which values of <see cref="Row"/> are bound as JSON.</summary>
    public static readonly bool[] JsonMask = [.. new bool[KeyWidth].Concat(Values.Select(c => c.Json))];

    /// <summary>
    /// SQLite's update of a row whose indexed columns did not change, by position in <see cref="Row"/>: the indexed
    /// columns are left out, so their indexes are not touched.
    /// </summary>
    public static readonly string SqliteActivityUpdate =
        $"""
        UPDATE profiles SET {string.Join(", ", Values.Select((c, i) => (c, i)).Where(x => !x.c.Indexed).Select(x => $"{x.c.Name} = ?{x.i + KeyWidth + 1}"))}
        WHERE workspace_id = ?1 AND id = ?2
        """;

    /// <summary>The select list <see cref="Read"/> takes, <paramref name="alias"/> before each column.</summary>
    public static string Select(string alias) => string.Join(", ", Readable.Select(c => alias + c.Name).Prepend(alias + "id"));

    /// <summary>The values of a row to write, in <see cref="InsertHead"/>'s order.</summary>
    public static object?[] Row(ProfileState p, StoreKind kind)
    {
        var row = new object?[KeyWidth + Values.Length];
        (row[0], row[1]) = (p.WorkspaceId, p.Id);
        for (var c = 0; c < Values.Length; c++)
        {
            row[KeyWidth + c] = Values[c].Write(p, kind);
        }

        return row;
    }

    /// <summary>A profile from the columns of <see cref="Select"/>, starting at column <paramref name="at"/>.</summary>
    public static ProfileState Read(long ws, RowReader r, int at, StoreKind kind)
    {
        var profile = new ProfileState { WorkspaceId = ws, Id = r.GetInt64(at) };
        for (var c = 0; c < Readable.Length; c++)
        {
            Readable[c].Read!(profile, r, at + 1 + c, kind);
        }

        profile.StoredIdentity = (profile.UserId, profile.Email);
        return profile;
    }

    private static string? Text(RowReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Number(RowReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
