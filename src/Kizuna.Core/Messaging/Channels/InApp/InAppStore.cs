using System.Text.Json;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// The delivered in-app messages and content cards of each customer (<c>in_app_items</c>). Delivering the same outbox
/// message again keeps the first item; each action keeps its first time, so a repeated call changes nothing.
/// </summary>
public sealed class InAppStore(Database database)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        """
        workspace_id AS WorkspaceId, profile_id AS ProfileId, message_id AS MessageId, channel AS Channel, template_id AS TemplateId,
        template_version AS TemplateVersion, content AS Content, pinned AS Pinned, created_at AS CreatedAt, expires_at AS ExpiresAt,
        seen_at AS SeenAt, clicked_at AS ClickedAt, dismissed_at AS DismissedAt
        """;

    public async Task DeliverAsync(IReadOnlyList<InAppItem> items, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var item in items)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO in_app_items (workspace_id, profile_id, message_id, channel, template_id, template_version, content, pinned, created_at, expires_at)
                VALUES (@WorkspaceId, @ProfileId, @MessageId, @channel, @TemplateId, @version, @Content, @pinned, @createdAt, @expiresAt)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    item.WorkspaceId,
                    item.ProfileId,
                    item.MessageId,
                    channel = MessageChannels.Name(item.Channel),
                    item.TemplateId,
                    version = (long)item.TemplateVersion,
                    item.Content,
                    pinned = item.Pinned ? 1L : 0L,
                    createdAt = Epoch.ToMs(item.CreatedAt),
                    expiresAt = item.ExpiresAt is { } expires ? Epoch.ToMs(expires) : (long?)null,
                },
                transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// A customer's items on one channel that are still current at <paramref name="now"/>: in-app messages neither
    /// clicked nor dismissed, oldest first (the order to show them in); cards not dismissed nor expired, pinned first,
    /// then newest first.
    /// </summary>
    public async Task<IReadOnlyList<InAppItem>> ListAsync(long workspaceId, long profileId, MessageChannel channel, DateTimeOffset now, CancellationToken ct)
    {
        var (filter, order) = channel == MessageChannel.InApp
            ? ("clicked_at IS NULL", "created_at, message_id")
            : ("(expires_at IS NULL OR expires_at > @now)", "pinned DESC, created_at DESC, message_id DESC");
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM in_app_items
            WHERE workspace_id = @workspaceId AND profile_id = @profileId AND channel = @channel AND dismissed_at IS NULL AND {filter}
            ORDER BY {order} LIMIT 100
            """,
            new { workspaceId, profileId, channel = MessageChannels.Name(channel), now = Epoch.ToMs(now) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToItem())];
    }

    public async Task<InAppItem?> FindAsync(long workspaceId, long profileId, long messageId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM in_app_items WHERE workspace_id = @workspaceId AND profile_id = @profileId AND message_id = @messageId",
            new { workspaceId, profileId, messageId }, cancellationToken: ct));
        return row?.ToItem();
    }

    /// <summary>Records an action at its first time (a click also counts as seen); the item as it now is, or null when the customer has no such item.</summary>
    public async Task<InAppItem?> MarkAsync(long workspaceId, long profileId, long messageId, InAppAction action, DateTimeOffset at, CancellationToken ct)
    {
        var set = action switch
        {
            InAppAction.Seen => "seen_at = COALESCE(seen_at, @at)",
            InAppAction.Clicked => "seen_at = COALESCE(seen_at, @at), clicked_at = COALESCE(clicked_at, @at)",
            _ => "dismissed_at = COALESCE(dismissed_at, @at)",
        };
        await using (var connection = await database.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE in_app_items SET {set} WHERE workspace_id = @workspaceId AND profile_id = @profileId AND message_id = @messageId",
                new { workspaceId, profileId, messageId, at = Epoch.ToMs(at) }, cancellationToken: ct));
        }

        return await FindAsync(workspaceId, profileId, messageId, ct);
    }

    private sealed record Row(
        long WorkspaceId, long ProfileId, long MessageId, string Channel, long TemplateId, long TemplateVersion, string Content, long Pinned,
        long CreatedAt, long? ExpiresAt, long? SeenAt, long? ClickedAt, long? DismissedAt)
    {
        public InAppItem ToItem() => new(
            WorkspaceId, ProfileId, MessageId, MessageChannels.Parse(Channel), TemplateId, (int)TemplateVersion, Content, Pinned != 0,
            Epoch.FromMs(CreatedAt), Epoch.FromMs(ExpiresAt), Epoch.FromMs(SeenAt), Epoch.FromMs(ClickedAt), Epoch.FromMs(DismissedAt));
    }
}
