using Dapper;
using Kizuna.Messaging;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Storage;

/// <summary>
/// Campaign rows. State changes are compare-and-set on the state a caller saw, so a pause racing a finishing send, or
/// two nodes starting the same run, change the row once.
/// </summary>
public sealed class CampaignStore(Database database, TimeProvider time)
{
    public const int MaxNameLength = 120;

    public async Task<Campaign> CreateAsync(long workspaceId, string name, CampaignDefinition definition, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO campaigns (workspace_id, name, channel, state, definition, runs, created_by, created_at, updated_at)
            VALUES (@workspaceId, @name, @channel, 'draft', @definition, 0, @author, @now, @now) RETURNING id
            """,
            new { workspaceId, name, channel = MessageChannels.Name(definition.Channel), definition = CampaignJson.Write(definition), author, now },
            cancellationToken: ct));
        return (await FindAsync(workspaceId, id, ct))!;
    }

    /// <summary>Replaces name and definition while the campaign is still editable; false otherwise.</summary>
    public async Task<bool> UpdateAsync(long workspaceId, long id, string name, CampaignDefinition definition, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE campaigns SET name = @name, channel = @channel, definition = @definition, updated_at = @now
            WHERE workspace_id = @workspaceId AND id = @id AND state IN ('draft', 'scheduled') AND runs = 0
            """,
            new { workspaceId, id, name, channel = MessageChannels.Name(definition.Channel), definition = CampaignJson.Write(definition), now = Epoch.ToMs(time.GetUtcNow()) },
            cancellationToken: ct)) == 1;
    }

    public async Task<Campaign?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignRow.Columns} FROM campaigns WHERE workspace_id = @workspaceId AND id = @id",
            new { workspaceId, id }, cancellationToken: ct));
        return row?.ToCampaign();
    }

    /// <summary>The workspace's campaigns, newest first.</summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignRow.Columns} FROM campaigns WHERE workspace_id = @workspaceId ORDER BY id DESC",
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToCampaign())];
    }

    /// <summary>Moves the campaign from one of <paramref name="from"/> to <paramref name="to"/>; false when it was in none of them.</summary>
    public async Task<bool> MoveAsync(long workspaceId, long id, CampaignState[] from, CampaignState to, DateTimeOffset? nextRunAt, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE campaigns SET state = @state, next_run_at = @next, updated_at = @now,
                finished_at = {(CampaignStates.IsFinal(to) ? "@now" : "finished_at")}
            WHERE workspace_id = @workspaceId AND id = @id AND {database.Dialect.OneOf("state", "@from")}
            """,
            new
            {
                workspaceId,
                id,
                state = CampaignStates.Name(to),
                next = nextRunAt is { } n ? Epoch.ToMs(n) : (long?)null,
                now,
                from = from.Select(CampaignStates.Name).ToArray(),
            },
            cancellationToken: ct)) == 1;
    }

    /// <summary>Records the winning variant, once.</summary>
    public async Task<bool> SetWinnerAsync(long workspaceId, long id, int winner, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaigns SET winner = @winner, updated_at = @now WHERE workspace_id = @workspaceId AND id = @id AND winner IS NULL",
            new { workspaceId, id, winner = (long)winner, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct)) == 1;
    }
}
