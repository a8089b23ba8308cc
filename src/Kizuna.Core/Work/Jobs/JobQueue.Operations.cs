using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

/// <summary>Cancelling, looking at and cleaning up the queue.</summary>
public sealed partial class JobQueue
{
    /// <summary>
    /// Cancels the pending job with this key, running or not (a running one can no longer complete). Returns
    /// whether there was one to cancel.
    /// </summary>
    public async Task<bool> CancelAsync(string queue, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET state = 'cancelled', finished_at = @now, lease_owner = NULL, lease_token = NULL
            WHERE queue = @queue AND key = @key AND state = 'pending'
            """,
            new { queue, key, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct)) == 1;
    }

    /// <summary>Cancels every pending job of a group (a campaign, a journey version), on every queue. Returns how many.</summary>
    public async Task<int> CancelGroupAsync(string group, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET state = 'cancelled', finished_at = @now, lease_owner = NULL, lease_token = NULL
            WHERE group_key = @group AND state = 'pending'
            """,
            new { group, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
    }

    /// <summary>Every queue with pending or dead jobs: due, scheduled, running, dead, and the oldest due time.</summary>
    public async Task<IReadOnlyList<QueueStats>> StatsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Queue, long Due, long Scheduled, long Running, long Dead, long? OldestDueAt)>(new CommandDefinition(
            """
            SELECT queue,
                   SUM(CASE WHEN state = 'pending' AND due_at <= @now THEN 1 ELSE 0 END),
                   SUM(CASE WHEN state = 'pending' AND due_at > @now AND lease_token IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN state = 'pending' AND due_at > @now AND lease_token IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END),
                   MIN(CASE WHEN state = 'pending' AND due_at <= @now THEN due_at END)
            FROM jobs WHERE state IN ('pending', 'dead') GROUP BY queue ORDER BY queue
            """,
            new { now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        return [.. rows.Select(r => new QueueStats(r.Queue, r.Due, r.Scheduled, r.Running, r.Dead, Epoch.FromMs(r.OldestDueAt)))];
    }

    /// <summary>
    /// Dead jobs, the most recently failed first, of one queue or of all; of one workspace (which sees only its own)
    /// or, with a null <paramref name="workspaceId"/>, of every workspace and of none.
    /// </summary>
    public async Task<IReadOnlyList<DeadJob>> DeadAsync(string? queue, long? workspaceId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Queue, string? Key, long? WorkspaceId, long Attempts, string? LastError, long FinishedAt)>(new CommandDefinition(
            $"""
            SELECT id, queue, key, workspace_id, attempts, last_error, finished_at FROM jobs
            WHERE state = 'dead'{(queue is null ? "" : " AND queue = @queue")}{(workspaceId is null ? "" : " AND workspace_id = @workspaceId")}
            ORDER BY finished_at DESC, id DESC LIMIT @limit
            """,
            new { queue, workspaceId, limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct));
        return [.. rows.Select(r => new DeadJob(r.Id, r.Queue, r.Key, r.WorkspaceId, (int)r.Attempts, r.LastError, Epoch.FromMs(r.FinishedAt)))];
    }

    /// <summary>
    /// Puts a dead job back in its queue, due now with its attempts reset. False when it is not dead, or not of
    /// <paramref name="workspaceId"/> when one is given.
    /// </summary>
    public async Task<bool> RetryDeadAsync(long id, long? workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var queue = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"""
            UPDATE jobs SET state = 'pending', attempts = 0, due_at = @now, finished_at = NULL, lease_owner = NULL, lease_token = NULL
            WHERE id = @id AND state = 'dead'{(workspaceId is null ? "" : " AND workspace_id = @workspaceId")} RETURNING queue
            """,
            new { id, workspaceId, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        if (queue is not null)
        {
            signal.Notify(queue);
        }

        return queue is not null;
    }

    /// <summary>
    /// Makes dead the jobs of <paramref name="queue"/> whose lease expired on their last attempt: the node running
    /// them stopped each time (a job that brings its node down would otherwise be taken over forever).
    /// </summary>
    public async Task<int> BuryExpiredAsync(string queue, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET state = 'dead', finished_at = @now, lease_owner = NULL, lease_token = NULL,
                last_error = 'The lease expired on the last attempt: the node running the job stopped or stalled (' || lease_owner || ').'
            WHERE state = 'pending' AND queue = @queue AND due_at <= @now AND lease_token IS NOT NULL AND attempts >= max_attempts
            """,
            new { queue, now }, cancellationToken: ct));
    }

    /// <summary>Deletes done and cancelled jobs older than the retention, and dead ones older than theirs. Returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM jobs WHERE id IN (
                SELECT id FROM jobs WHERE finished_at < @done AND state IN ('done', 'cancelled')
                UNION ALL
                SELECT id FROM jobs WHERE finished_at < @dead AND state = 'dead')
            """,
            new { done = Epoch.ToMs(now - options.Value.Retention), dead = Epoch.ToMs(now - options.Value.DeadRetention) }, cancellationToken: ct));
    }
}
