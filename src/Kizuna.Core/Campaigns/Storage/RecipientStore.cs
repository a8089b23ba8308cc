using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Storage;

/// <summary>
/// The audience snapshots (<c>campaign_recipients</c>) and runs (<c>campaign_runs</c>). A recipient row is written
/// once per run and profile (a repeated snapshot chunk changes nothing) and then only moves forward:
/// <c>held</c> → <c>pending</c> → <c>queued</c> (with its outbox message) or <c>control</c>, <c>skipped</c>, <c>cancelled</c>.
/// </summary>
public sealed class RecipientStore(Database database, TimeProvider time)
{
    /// <summary>The snapshot size from which PostgreSQL's statistics are brought up to date at once.</summary>
    private const long AnalyzedFrom = 10_000;

    /// <summary>Starts run <paramref name="run"/> (once) and counts it on the campaign; false when it had started already.</summary>
    public async Task<bool> StartRunAsync(long workspaceId, long campaignId, int run, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var started = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO campaign_runs (workspace_id, campaign_id, run, started_at, snapshot_done, targeted)
            VALUES (@workspaceId, @campaignId, @run, @now, 0, 0) ON CONFLICT DO NOTHING
            """,
            new { workspaceId, campaignId, run = (long)run, now }, transaction, cancellationToken: ct)) == 1;
        if (started)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE campaigns SET runs = @run, started_at = COALESCE(started_at, @now), updated_at = @now WHERE workspace_id = @workspaceId AND id = @campaignId",
                new { workspaceId, campaignId, run = (long)run, now }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        return started;
    }

    public async Task<CampaignRun?> RunAsync(long workspaceId, long campaignId, int run, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long StartedAt, long Done, long Targeted, long? TestEndsAt, long? FinishedAt)>(new CommandDefinition(
            "SELECT started_at, snapshot_done, targeted, test_ends_at, finished_at FROM campaign_runs WHERE workspace_id = @workspaceId AND campaign_id = @campaignId AND run = @run",
            new { workspaceId, campaignId, run = (long)run }, cancellationToken: ct));
        return row.StartedAt == 0 ? null : new CampaignRun(run, Epoch.FromMs(row.StartedAt), row.Done != 0, row.Targeted, Epoch.FromMs(row.TestEndsAt), Epoch.FromMs(row.FinishedAt));
    }

    /// <summary>
    /// Adds a chunk of the snapshot in one statement (on PostgreSQL the columns bound as arrays, one round trip for
    /// the chunk); rows already there (a chunk run again) are kept as they are.
    /// </summary>
    public async Task AddAsync(long workspaceId, long campaignId, int run, IReadOnlyList<(long ProfileId, int Variant, DateTimeOffset DueAt)> rows, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await BulkSql.InsertAsync<int>(connection, transaction, database.Dialect,
            "INSERT INTO campaign_recipients (workspace_id, campaign_id, run, profile_id, variant, status, due_at)",
            [.. rows.Select(r => new object?[]
            {
                workspaceId, campaignId, (long)run, r.ProfileId, (long)r.Variant,
                r.Variant == Kizuna.Campaigns.CampaignSplit.Held ? "held" : "pending", Epoch.ToMs(r.DueAt),
            })],
            "ON CONFLICT DO NOTHING", null, null, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Marks the snapshot complete with its size and the end of the test window. On PostgreSQL a large snapshot is
    /// analysed at once: until the statistics know its rows, the planner took the due-time index (every pending
    /// recipient of the run) for a recipient's update by profile, and a million-recipient send marked a few messages a
    /// second; autovacuum's analyse comes too late for the send that follows the snapshot.
    /// </summary>
    public async Task FinishSnapshotAsync(long workspaceId, long campaignId, int run, DateTimeOffset? testEndsAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var targeted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            UPDATE campaign_runs SET snapshot_done = 1, test_ends_at = @testEndsAt,
                targeted = (SELECT count(*) FROM campaign_recipients r WHERE r.workspace_id = @workspaceId AND r.campaign_id = @campaignId AND r.run = @run)
            WHERE workspace_id = @workspaceId AND campaign_id = @campaignId AND run = @run
            RETURNING targeted
            """,
            new { workspaceId, campaignId, run = (long)run, testEndsAt = testEndsAt is { } t ? Epoch.ToMs(t) : (long?)null }, cancellationToken: ct));
        if (database.Kind == StoreKind.Postgres && targeted >= AnalyzedFrom)
        {
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE campaign_recipients", cancellationToken: ct));
        }
    }

    public async Task FinishRunAsync(long workspaceId, long campaignId, int run, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaign_runs SET finished_at = @now WHERE workspace_id = @workspaceId AND campaign_id = @campaignId AND run = @run AND finished_at IS NULL",
            new { workspaceId, campaignId, run = (long)run, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
    }
}
