using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Kizuna.Work.ProfileData;

namespace Kizuna.Profiles;

/// <summary>
/// The data-subject rights: export everything held on a profile, and erase it from every registered per-profile table
/// (<see cref="ProfileDataRegistry"/>: events, orders and their lines, counters, identities, spend, account memberships
/// and accounts left without members, …), optionally remembering its ids (hashed) so later events for them are dropped at ingest.
/// </summary>
public sealed class PrivacyService(Database database, ProfileService profiles, ProfileDataRegistry profileData, TimeProvider time, IEnumerable<IErasureObserver> observers)
{
    /// <summary>
    /// The profile as <see cref="ProfileService.FindAsync"/> shows it, and under <c>tables</c> every row that it and
    /// the profiles merged into it hold in each registered table, by table name.
    /// </summary>
    public async Task<JsonObject?> ExportAsync(long workspaceId, long profileId, CancellationToken ct)
    {
        if (await profiles.FindAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct) is not { } detail)
        {
            return null;
        }

        // One snapshot for every table, so rows committed meanwhile never show half (events without their counters).
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var ids = await ProfileIdsAsync(connection, transaction, workspaceId, detail.Profile.Id, ct);
        var tables = new JsonObject();
        foreach (var (table, sql) in profileData.ExportQueries(database.Dialect))
        {
            tables[table.Name] = await ExportRows.ReadAsync(connection, transaction, table, sql, new { workspaceId, ids }, database.Kind, ct);
        }

        await transaction.CommitAsync(ct);

        return new JsonObject
        {
            ["exportedAt"] = time.GetUtcNow(),
            ["profile"] = JsonSerializer.SerializeToNode(detail, StoredJson.Web),
            ["tables"] = tables,
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
        var ids = await ProfileIdsAsync(connection, transaction, workspaceId, profileId, ct);
        if (!ids.Contains(profileId))
        {
            return false;
        }

        var identities = (await connection.QueryAsync<(string Kind, string Value)>(new CommandDefinition(
            "SELECT kind, value FROM identities WHERE workspace_id = @workspaceId AND profile_id = @profileId",
            new { workspaceId, profileId }, transaction, cancellationToken: ct))).ToList();
        // The address too, so messaging never writes to the erased person again.
        identities.AddRange((await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT email FROM profiles WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("id", "@profileIds")} AND email IS NOT NULL",
            new { workspaceId, profileIds = database.Dialect.Ids(ids) }, transaction, cancellationToken: ct)))
            .Select(email => (Suppression.EmailKind, Suppression.NormaliseEmail(email))));
        foreach (var sql in profileData.EraseStatements(database.Dialect))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { workspaceId, ids }, transaction, cancellationToken: ct));
        }

        // The suppression list keeps plain addresses; one listed before any profile had it names no profile, so it goes by address.
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM suppressed_addresses WHERE workspace_id = @workspaceId AND channel = 'email' AND {database.Dialect.OneOf("address", "@emails")}",
            new { workspaceId, emails = identities.Where(i => i.Kind == Suppression.EmailKind).Select(i => i.Value).ToArray() }, transaction, cancellationToken: ct));

        // Consumers of the feed (segment members, journey runs, the archive) learn of the erasure in commit order,
        // even those that were down when it happened.
        await ChangeLog.AppendAsync(connection, transaction, database.Dialect,
            new ChangeRecord(time.GetUtcNow(), 0, [], [], [.. ids.Select(id => (workspaceId, id))]), ct);

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

    /// <summary>The profile and every profile merged into it (merges re-point earlier ones, so one level is all).</summary>
    private static async Task<long[]> ProfileIdsAsync(DbConnection connection, DbTransaction transaction, long workspaceId, long profileId, CancellationToken ct) =>
        [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM profiles WHERE workspace_id = @workspaceId AND (id = @profileId OR merged_into = @profileId)",
            new { workspaceId, profileId }, transaction, cancellationToken: ct))];
}
