using Dapper;
using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Campaigns.Storage;

/// <summary>
/// Reads a campaign's audience from segment membership (members of an included segment and of no excluded one), in
/// profile-id order from a cursor so a million members are read a chunk at a time, and the customers' own time zones
/// and addresses for the chunk at hand.
/// </summary>
public sealed class AudienceReader(Database database)
{
    public async Task<IReadOnlyList<long>> PageAsync(long workspaceId, CampaignAudience audience, long afterProfileId, int limit, CancellationToken ct)
    {
        var d = database.Dialect;
        var exclude = audience.Exclude.Count == 0 ? "" :
            $" AND NOT EXISTS (SELECT 1 FROM segment_members x WHERE x.workspace_id = m.workspace_id AND x.profile_id = m.profile_id AND {d.InIds("x.segment_id", "@exclude")})";
        await using var connection = await database.OpenAsync(ct);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            SELECT DISTINCT m.profile_id FROM segment_members m
            WHERE m.workspace_id = @workspaceId AND {d.InIds("m.segment_id", "@include")} AND m.profile_id > @afterProfileId{exclude}
            ORDER BY m.profile_id LIMIT @limit
            """,
            new { workspaceId, include = d.Ids(audience.Include), exclude = d.Ids(audience.Exclude), afterProfileId, limit = (long)limit },
            cancellationToken: ct));
        return [.. ids];
    }

    /// <summary>Each profile's own zone (<c>context.timezone</c>, else the <c>timezone</c> trait), or null when it has none or an unknown one.</summary>
    public async Task<Dictionary<long, TimeZoneInfo?>> ZonesAsync(long workspaceId, IReadOnlyList<long> profileIds, CancellationToken ct)
    {
        var d = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? Zone)>(new CommandDefinition(
            $"""
            SELECT id, COALESCE({d.JsonText("context", "@key")}, {d.JsonText("traits", "@key")})
            FROM profiles WHERE workspace_id = @workspaceId AND {d.InIds("id", "@ids")}
            """,
            new { workspaceId, key = "timezone", ids = d.Ids(profileIds) }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => UserTimeZones.Find(r.Zone));
    }

    /// <summary>Each profile's email address and <c>phone</c> trait.</summary>
    public async Task<Dictionary<long, (string? Email, string? Phone)>> ContactsAsync(long workspaceId, IReadOnlyList<long> profileIds, CancellationToken ct)
    {
        var d = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? Email, string? Phone)>(new CommandDefinition(
            $"""
            SELECT id, email, {d.JsonText("traits", "@key")} FROM profiles
            WHERE workspace_id = @workspaceId AND {d.InIds("id", "@ids")}
            """,
            new { workspaceId, key = "phone", ids = d.Ids(profileIds) }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => (r.Email, r.Phone));
    }
}
