using Dapper;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Reports;

/// <summary>
/// Reads what a report is made of: the snapshot with each message's state, the targeted customers' events since
/// the campaign started (found through the snapshot, so only their rows of the events index are read), and every
/// message Kizuna sent them since, for last-touch attribution.
/// </summary>
public sealed class ReportReader(Database database)
{
    private const string Snapshot = "r.workspace_id = @workspaceId AND r.campaign_id = @campaignId";

    public async Task<IReadOnlyList<RecipientFact>> RecipientsAsync(long workspaceId, long campaignId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<RecipientFact>(new CommandDefinition(
            $"""
            SELECT r.profile_id AS profileId, r.run, r.variant, r.status, r.due_at AS dueAt, r.message_id AS messageId, m.state,
                   COALESCE(m.attempts, 0) AS attempts, m.sent_at AS sentAt, m.updated_at AS updatedAt, m.last_error AS lastError, r.detail
            FROM campaign_recipients r LEFT JOIN messages m ON m.workspace_id = r.workspace_id AND m.id = r.message_id
            WHERE {Snapshot}
            """,
            new { workspaceId, campaignId }, cancellationToken: ct))];
    }

    /// <summary>The targeted customers' events named <paramref name="names"/> from <paramref name="since"/> on.</summary>
    public async Task<IReadOnlyList<EventFact>> EventsAsync(long workspaceId, long campaignId, IReadOnlyList<string> names, long since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<EventFact>(new CommandDefinition(
            $"""
            SELECT e.id, e.profile_id AS profileId, e.name, e.ts, e.properties FROM events e
            WHERE e.workspace_id = @workspaceId AND e.ts >= @since AND {database.Dialect.OneOf("e.name", "@names")}
              AND e.profile_id IN (SELECT DISTINCT r.profile_id FROM campaign_recipients r WHERE {Snapshot})
            """,
            new { workspaceId, campaignId, names = names.ToArray(), since }, cancellationToken: ct))];
    }

    /// <summary>Every message the targeted customers received from Kizuna since <paramref name="since"/>: (profile, message, sent at).</summary>
    public async Task<IReadOnlyList<(long ProfileId, long MessageId, long SentAt)>> TouchesAsync(long workspaceId, long campaignId, long since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<(long, long, long)>(new CommandDefinition(
            $"""
            SELECT m.profile_id, m.id, m.sent_at FROM messages m
            WHERE m.workspace_id = @workspaceId AND m.sent_at >= @since AND m.state IN ('sent', 'delivered') AND m.source <> 'test'
              AND m.profile_id IN (SELECT DISTINCT r.profile_id FROM campaign_recipients r WHERE {Snapshot})
            """,
            new { workspaceId, campaignId, since }, cancellationToken: ct))];
    }
}
