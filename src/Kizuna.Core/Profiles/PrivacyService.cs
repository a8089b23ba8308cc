using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Profiles;

/// <summary>
/// The data-subject rights: export everything held on a profile, and erase it — events, orders, counters,
/// identities, spend, account memberships (and accounts left without members) — optionally remembering its ids (hashed) so later events for them are dropped at ingest.
/// </summary>
public sealed class PrivacyService(Database database, ProfileService profiles, TimeProvider time, IEnumerable<IErasureObserver> observers)
{
    public async Task<JsonObject?> ExportAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        if (await profiles.FindAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct) is not { } detail)
        {
            return null;
        }

        var events = new JsonArray();
        string? cursor = null;
        while (true)
        {
            var page = await profiles.TimelineAsync(workspaceId, detail.Profile.Id, cursor, 500, ct);
            foreach (var e in page)
            {
                events.Add(JsonSerializer.SerializeToNode(e, StoredJson.Web));
            }

            if (page.Count < 500)
            {
                break;
            }

            cursor = page[^1].Cursor;
        }

        return new JsonObject
        {
            ["exportedAt"] = time.GetUtcNow(),
            ["profile"] = JsonSerializer.SerializeToNode(detail, StoredJson.Web),
            ["orders"] = JsonSerializer.SerializeToNode(await profiles.OrdersAsync(workspaceId, detail.Profile.Id, ct), StoredJson.Web),
            ["events"] = events,
        };
    }

    /// <summary>Erases a profile and every profile merged into it. Returns false when there is no such profile.</summary>
    public async Task<bool> EraseAsync(long workspaceId, long profileId, bool suppress, CancellationToken ct)
    {
        if (await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct) is not { } current)
        {
            return false;
        }

        profileId = current;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM profiles WHERE workspace_id = @workspaceId AND (id = @profileId OR merged_into = @profileId)",
            new { workspaceId, profileId }, transaction, cancellationToken: ct))).ToList();
        if (!ids.Contains(profileId))
        {
            return false;
        }

        var identities = await connection.QueryAsync<(string Kind, string Value)>(new CommandDefinition(
            "SELECT kind, value FROM identities WHERE workspace_id = @workspaceId AND profile_id = @profileId",
            new { workspaceId, profileId }, transaction, cancellationToken: ct));
        foreach (var sql in (string[])
        [
            "DELETE FROM order_lines WHERE workspace_id = @workspaceId AND order_id IN (SELECT order_id FROM orders WHERE workspace_id = @workspaceId AND profile_id = @id)",
            "DELETE FROM orders WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM events WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM event_counts WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM daily_counts WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM profile_spend WHERE workspace_id = @workspaceId AND profile_id = @id",
            // An account goes with its last member: its traits may describe no one else.
            """
            DELETE FROM accounts WHERE workspace_id = @workspaceId
                AND group_id IN (SELECT group_id FROM account_members WHERE workspace_id = @workspaceId AND profile_id = @id)
                AND NOT EXISTS (SELECT 1 FROM account_members m WHERE m.workspace_id = accounts.workspace_id AND m.group_id = accounts.group_id AND m.profile_id <> @id)
            """,
            "DELETE FROM account_members WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM identities WHERE workspace_id = @workspaceId AND profile_id = @id",
            "DELETE FROM profiles WHERE workspace_id = @workspaceId AND id = @id",
        ])
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, ids.Select(id => new { workspaceId, id }), transaction, cancellationToken: ct));
        }

        if (suppress)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO suppressions (workspace_id, id_hash, created_at) VALUES (@workspaceId, @hash, @now) ON CONFLICT DO NOTHING",
                identities.Select(i => new { workspaceId, hash = Suppression.Hash(i.Kind, i.Value), now = Epoch.ToMs(time.GetUtcNow()) }),
                transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        if (database is SqliteDatabase sqlite)
        {
            // secure_delete zeroed the freed space in the file; the WAL's older frames still hold the rows.
            await sqlite.TruncateWalAsync(ct);
        }

        foreach (var observer in observers)
        {
            await observer.OnErasedAsync(workspaceId, ids, ct);
        }

        return true;
    }
}
