using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Consent;

/// <summary>A workspace's subscription groups. A group is archived rather than deleted: old messages and answers name it.</summary>
public sealed class SubscriptionGroupStore(Database database, TimeProvider time)
{
    public async Task<IReadOnlyList<SubscriptionGroup>> ListAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SubscriptionGroupRow>(new CommandDefinition(
            $"SELECT {SubscriptionGroupRow.Columns} FROM subscription_groups WHERE workspace_id = @workspaceId ORDER BY id",
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToGroup())];
    }

    public async Task<SubscriptionGroup?> FindAsync(long workspaceId, long id, CancellationToken ct) =>
        (await ListAsync(workspaceId, ct)).FirstOrDefault(g => g.Id == id);

    public async Task<SubscriptionGroup?> FindByKeyAsync(long workspaceId, string key, CancellationToken ct) =>
        (await ListAsync(workspaceId, ct)).FirstOrDefault(g => string.Equals(g.Key, key, StringComparison.Ordinal));

    /// <summary>The new group, or null when the workspace already has one with this key.</summary>
    public async Task<SubscriptionGroup?> CreateAsync(long workspaceId, SubscriptionGroupDraft draft, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO subscription_groups (workspace_id, key, channel, name, description, name_ja, description_ja, opt_in, archived, created_at, updated_at)
            VALUES (@workspaceId, @Key, @channel, @Name, @Description, @NameJa, @DescriptionJa, @optIn, @archived, @now, @now)
            ON CONFLICT (workspace_id, key) DO NOTHING RETURNING id
            """,
            new { workspaceId, draft.Key, channel = MessageChannels.Name(draft.Channel), draft.Name, draft.Description, draft.NameJa, draft.DescriptionJa, optIn = draft.OptIn ? 1L : 0L, archived = draft.Archived ? 1L : 0L, now },
            cancellationToken: ct));
        return id is { } created ? await FindAsync(workspaceId, created, ct) : null;
    }

    /// <summary>Renames, describes, (un)archives or changes the policy of a group; its key and channel stay. Null when there is no such group.</summary>
    public async Task<SubscriptionGroup?> UpdateAsync(long workspaceId, long id, SubscriptionGroupDraft draft, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscription_groups SET name = @Name, description = @Description, name_ja = @NameJa, description_ja = @DescriptionJa,
                opt_in = @optIn, archived = @archived, updated_at = @now
            WHERE workspace_id = @workspaceId AND id = @id
            """,
            new { workspaceId, id, draft.Name, draft.Description, draft.NameJa, draft.DescriptionJa, optIn = draft.OptIn ? 1L : 0L, archived = draft.Archived ? 1L : 0L, now = Epoch.ToMs(time.GetUtcNow()) },
            cancellationToken: ct));
        return changed == 0 ? null : await FindAsync(workspaceId, id, ct);
    }
}
