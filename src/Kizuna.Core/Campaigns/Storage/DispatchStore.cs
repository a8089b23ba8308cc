using Dapper;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Storage;

/// <summary>The recipients of a run as the dispatcher moves them: due ones out, held ones to the winner, the rest cancelled.</summary>
public sealed class DispatchStore(Database database)
{
    private const string Run = "workspace_id = @workspaceId AND campaign_id = @campaignId AND run = @run";

    /// <summary>Pending recipients due by <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<(long ProfileId, int Variant)>> DueAsync(long workspaceId, long campaignId, int run, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProfileId, long Variant)>(new CommandDefinition(
            $"SELECT profile_id, variant FROM campaign_recipients WHERE {Run} AND status = 'pending' AND due_at <= @now ORDER BY due_at, profile_id LIMIT @limit",
            new { workspaceId, campaignId, run = (long)run, now = Epoch.ToMs(now), limit = (long)limit }, cancellationToken: ct));
        return [.. rows.Select(r => (r.ProfileId, (int)r.Variant))];
    }

    /// <summary>Records what became of each recipient of a chunk, only while it is still pending (a cancel wins).</summary>
    public async Task MarkAsync(long workspaceId, long campaignId, int run, IReadOnlyList<(long ProfileId, string Status, long? MessageId, string? Detail)> rows, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE campaign_recipients SET status = @status, message_id = @messageId, detail = @detail WHERE {Run} AND profile_id = @profileId AND status = 'pending'",
            rows.Select(r => new { workspaceId, campaignId, run = (long)run, profileId = r.ProfileId, status = r.Status, messageId = r.MessageId, detail = r.Detail }),
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>When the next pending recipient is due, and how many wait for a test's winner.</summary>
    public async Task<(DateTimeOffset? NextDue, long Held)> RemainingAsync(long workspaceId, long campaignId, int run, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<(long? Next, long Held)>(new CommandDefinition(
            $"""
            SELECT (SELECT min(due_at) FROM campaign_recipients WHERE {Run} AND status = 'pending'),
                   (SELECT count(*) FROM campaign_recipients WHERE {Run} AND status = 'held')
            """,
            new { workspaceId, campaignId, run = (long)run }, cancellationToken: ct));
        return (Epoch.FromMs(row.Next), row.Held);
    }

    /// <summary>Gives the customers held back by an A/B test the winning variant, due now at the earliest.</summary>
    public async Task<int> ReleaseHeldAsync(long workspaceId, long campaignId, int run, int winner, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE campaign_recipients SET variant = @winner, status = 'pending', due_at = {database.Dialect.Greatest("due_at", "@now")}
            WHERE {Run} AND status = 'held'
            """,
            new { workspaceId, campaignId, run = (long)run, winner = (long)winner, now = Epoch.ToMs(now) }, cancellationToken: ct));
    }

    /// <summary>
    /// Makes the outbox messages of the campaign that a pause holds back (deferred with <paramref name="reason"/>)
    /// due at <paramref name="now"/>, by moving their waiting jobs; returns how many moved.
    /// </summary>
    public async Task<int> ReleaseHeldBackAsync(long workspaceId, long campaignId, string queue, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string heldBack = """
            SELECT 'message:' || m.id || ':at:' || m.next_attempt_at
            FROM campaign_recipients r JOIN messages m ON m.workspace_id = r.workspace_id AND m.id = r.message_id
            WHERE r.workspace_id = @workspaceId AND r.campaign_id = @campaignId AND r.status = 'queued'
              AND m.state = 'deferred' AND m.last_error = @reason
            """;
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE jobs SET due_at = @now
            WHERE queue = @queue AND state = 'pending' AND lease_owner IS NULL AND due_at > @now AND {database.Dialect.InSelected("key", heldBack)}
            """,
            new { workspaceId, campaignId, queue, reason, now = Epoch.ToMs(now) }, cancellationToken: ct));
    }

    /// <summary>Cancels every recipient not yet queued and answers the outbox messages of those that were.</summary>
    public async Task<IReadOnlyList<long>> CancelAsync(long workspaceId, long campaignId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaign_recipients SET status = 'cancelled' WHERE workspace_id = @workspaceId AND campaign_id = @campaignId AND status IN ('pending', 'held')",
            new { workspaceId, campaignId }, transaction, cancellationToken: ct));
        var queued = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT message_id FROM campaign_recipients WHERE workspace_id = @workspaceId AND campaign_id = @campaignId AND status = 'queued' AND message_id IS NOT NULL",
            new { workspaceId, campaignId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return [.. queued];
    }
}
