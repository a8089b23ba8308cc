using System.Text.Json.Nodes;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

// Accounts: a group call keeps the account it names (its traits, newer values winning key by key) and the profile's
// membership in it (first and last time the profile was seen in it).
internal sealed partial class BatchWriter
{
    private readonly Dictionary<(long Ws, string GroupId), List<(string? TraitsJson, long Ts)>> _accounts = [];
    private readonly Dictionary<(long Ws, long Profile, string GroupId), (long First, long Last)> _memberships = [];

    private void Join(long ws, long profileId, string groupId, string? traitsJson, long ts)
    {
        if (!_accounts.TryGetValue((ws, groupId), out var calls))
        {
            _accounts[(ws, groupId)] = calls = [];
        }

        calls.Add((traitsJson, ts));
        _memberships[(ws, profileId, groupId)] = _memberships.TryGetValue((ws, profileId, groupId), out var m)
            ? (Math.Min(m.First, ts), Math.Max(m.Last, ts))
            : (ts, ts);
    }

    private void MoveMemberships(ProfileState from, ProfileState into)
    {
        foreach (var (key, value) in _memberships.Where(m => m.Key.Ws == from.WorkspaceId && m.Key.Profile == from.Id).ToList())
        {
            _memberships.Remove(key);
            var target = (key.Ws, into.Id, key.GroupId);
            _memberships[target] = _memberships.TryGetValue(target, out var m) ? (Math.Min(m.First, value.First), Math.Max(m.Last, value.Last)) : value;
        }
    }

    private async Task WriteAccountsAsync(PendingWrites writes, CancellationToken ct)
    {
        if (_accounts.Count == 0)
        {
            return;
        }

        var stored = new Dictionary<(long Ws, string GroupId), (string Traits, long UpdatedAt, long FirstSeen)>();
        foreach (var group in _accounts.Keys.GroupBy(k => k.Ws))
        {
            await BulkSql.ForEachInAsync(connection, transaction,
                "SELECT group_id, traits, traits_updated_at, first_seen FROM accounts WHERE workspace_id = @ws AND group_id IN ({in})",
                [.. group.Select(k => k.GroupId)], group.Key,
                r => stored[(group.Key, r.GetString(0))] = (r.GetString(1), r.GetInt64(2), r.GetInt64(3)), ct);
        }

        var rows = _accounts.Select(a =>
        {
            var (traitsJson, updatedAt, firstSeen) = stored.TryGetValue(a.Key, out var s) ? s : ("{}", long.MinValue, long.MaxValue);
            var traits = JsonNode.Parse(traitsJson) as JsonObject ?? [];
            foreach (var (json, ts) in a.Value.OrderBy(c => c.Ts))
            {
                foreach (var (key, value) in json is null ? [] : JsonNode.Parse(json) as JsonObject ?? [])
                {
                    // A call older than the traits kept only fills gaps, as identify does for profiles.
                    if (ts >= updatedAt || !traits.ContainsKey(key))
                    {
                        traits[key] = value?.DeepClone();
                    }
                }

                updatedAt = Math.Max(updatedAt, ts);
            }

            var first = Math.Min(firstSeen, a.Value.Min(c => c.Ts));
            return (a.Key.Ws, a.Key.GroupId, Traits: traits.ToJsonString(StoredJson.Options), UpdatedAt: updatedAt, First: first, Last: a.Value.Max(c => c.Ts));
        });
        BulkSql.Insert(writes, dialect,
            "INSERT INTO accounts (workspace_id, group_id, traits, traits_updated_at, first_seen, last_seen)",
            [.. InLockOrder(rows, r => r.OrderBy(a => a.Ws).ThenBy(a => a.GroupId, StringComparer.Ordinal)).Select(a => new object?[] { a.Ws, a.GroupId, a.Traits, a.UpdatedAt, a.First, a.Last })],
            $"""
            ON CONFLICT (workspace_id, group_id) DO UPDATE SET traits = excluded.traits, traits_updated_at = excluded.traits_updated_at,
                first_seen = excluded.first_seen, last_seen = {dialect.Greatest("accounts.last_seen", "excluded.last_seen")}
            """, [false, false, true, false, false, false]);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO account_members (workspace_id, profile_id, group_id, first_at, last_at)",
            [.. InLockOrder(_memberships, r => r.OrderBy(m => m.Key.Ws).ThenBy(m => m.Key.Profile).ThenBy(m => m.Key.GroupId, StringComparer.Ordinal))
                .Select(m => new object?[] { m.Key.Ws, m.Key.Profile, m.Key.GroupId, m.Value.First, m.Value.Last })],
            $"""
            ON CONFLICT (workspace_id, profile_id, group_id) DO UPDATE SET
                first_at = {dialect.Least("account_members.first_at", "excluded.first_at")}, last_at = {dialect.Greatest("account_members.last_at", "excluded.last_at")}
            """, null);
    }
}
