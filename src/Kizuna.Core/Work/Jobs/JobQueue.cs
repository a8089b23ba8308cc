using System.Data.Common;
using Dapper;
using Kizuna.Storage;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Jobs;

/// <summary>
/// The durable job queue: one <c>jobs</c> table for every feature's background work. A job is claimed by moving its
/// <c>due_at</c> to the end of a lease under a fresh token, so a job whose node died becomes due again by itself, and
/// only the current token can complete, fail or extend it. Handlers plug in through <see cref="IJobHandler"/>.
/// </summary>
public sealed partial class JobQueue(
    Database database, NodeIdentity node, JobSignal signal, IEnumerable<JobQueueSettings> queues, IOptions<JobOptions> options, TimeProvider time)
{
    private const string Returned = "id, queue, key, group_key AS \"group\", workspace_id AS workspaceId, payload, attempts, max_attempts AS maxAttempts";

    private readonly Dictionary<string, int> _maxAttempts = queues.DistinctBy(q => q.Queue).ToDictionary(q => q.Queue, q => q.MaxAttempts, StringComparer.Ordinal);
    private readonly JobInserter _inserter = database.Kind == StoreKind.Postgres ? new PostgresJobInserter() : new SqliteJobInserter();

    /// <summary>Adds a job, or returns the id of the job already there with the same queue and key.</summary>
    public async Task<long> EnqueueAsync(NewJob job, CancellationToken ct) => (await EnqueueManyAsync([job], ct))[0];

    /// <summary>Adds jobs in one transaction; the ids come back in the order given (an existing job's id for a known key).</summary>
    public async Task<IReadOnlyList<long>> EnqueueManyAsync(IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        if (jobs.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ids = await EnqueueManyAsync(connection, transaction, jobs, ct);
        await transaction.CommitAsync(ct);
        Wake(jobs);
        return ids;
    }

    /// <summary>
    /// Adds jobs inside the caller's transaction, so a feature's row and the job that acts on it commit together (an
    /// outbox message and its send). Call <see cref="Wake"/> once the transaction committed.
    /// </summary>
    public async Task<IReadOnlyList<long>> EnqueueManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        var (rows, now) = Rows(jobs);
        return rows.Count == 0 ? [] : await _inserter.InsertAsync(connection, transaction, rows, now, ct);
    }

    /// <summary>
    /// Adds jobs with the caller's other <paramref name="writes"/>, for a caller that needs no ids back: on PostgreSQL
    /// they reach the server in the writes' one round trip. Call <see cref="Wake"/> once the transaction committed.
    /// </summary>
    public Task EnqueueAsync(PendingWrites writes, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        var (rows, now) = Rows(jobs);
        return rows.Count == 0 ? Task.CompletedTask : _inserter.HoldAsync(writes, rows, now, ct);
    }

    private (List<JobInserter.Row> Rows, long Now) Rows(IReadOnlyList<NewJob> jobs)
    {
        if (jobs.FirstOrDefault(j => string.IsNullOrEmpty(j.Queue) || j.MaxAttempts < 1) is { } wrong)
        {
            throw new ArgumentException($"A job needs a queue name and at least one attempt: {wrong with { Payload = "…" }}.", nameof(jobs));
        }

        var now = time.GetUtcNow();
        return ([.. jobs.Select(j => new JobInserter.Row(
            j.Queue, j.Key, j.Group, j.WorkspaceId, j.Payload, Epoch.ToMs(j.DueAt ?? now),
            j.MaxAttempts ?? _maxAttempts.GetValueOrDefault(j.Queue, options.Value.MaxAttempts)))], Epoch.ToMs(now));
    }

    /// <summary>Wakes this node's workers of the queues of <paramref name="jobs"/> that are due now.</summary>
    public void Wake(IReadOnlyList<NewJob> jobs)
    {
        var now = time.GetUtcNow();
        foreach (var queue in jobs.Where(j => j.DueAt is null || j.DueAt <= now).Select(j => j.Queue).Distinct(StringComparer.Ordinal))
        {
            signal.Notify(queue);
        }
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> due jobs of <paramref name="queue"/>, oldest due first, for
    /// <paramref name="lease"/>. On PostgreSQL, nodes claiming at once skip each other's rows.
    /// </summary>
    public Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string queue, int max, TimeSpan lease, CancellationToken ct) =>
        ClaimAsync([queue], max, lease, ct);

    /// <summary>Leases up to <paramref name="max"/> due jobs of any of <paramref name="queues"/>, oldest due first.</summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(IReadOnlyList<string> queues, int max, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + lease;
        var token = Random.Shared.NextInt64(1, long.MaxValue);
        // Oldest due first; a job whose lease expired on its last attempt is not run again (the maintenance pass buries it).
        var due = $"""
            SELECT id FROM jobs
            WHERE state = 'pending' AND {(queues.Count == 1 ? "queue = @queue" : database.Dialect.OneOf("queue", "@queues"))}
                AND due_at <= @now AND (lease_token IS NULL OR attempts < max_attempts)
            ORDER BY due_at, id LIMIT @max {database.Dialect.SkipLocked}
            """;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ClaimedRow>(new CommandDefinition(
            $"""
            UPDATE jobs SET due_at = @until, lease_owner = @owner, lease_token = @token, attempts = attempts + 1
            WHERE {database.Dialect.InSelected("id", due)}
            RETURNING {Returned}
            """,
            new { queue = queues[0], queues = queues.ToArray(), max, now = Epoch.ToMs(now), until = Epoch.ToMs(until), owner = node.Name, token },
            cancellationToken: ct));
        return [.. rows.OrderBy(r => r.Id).Select(r => r.ToClaimed(token, until))];
    }

    /// <summary>
    /// When the next job of <paramref name="queue"/> that a claim could take comes due (null: none is waiting), so an
    /// idle worker sleeps until then rather than a whole poll interval: a timer due in 200 ms fires in 200 ms.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(string queue, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var due = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT due_at FROM jobs WHERE state = 'pending' AND queue = @queue AND (lease_token IS NULL OR attempts < max_attempts)
            ORDER BY due_at, id LIMIT 1
            """, new { queue }, cancellationToken: ct));
        return due is { } ms ? Epoch.FromMs(ms) : null;
    }

    /// <summary>Holds the jobs for <paramref name="lease"/> from now; returns the ids still held (the others were lost).</summary>
    public async Task<IReadOnlySet<long>> ExtendAsync(IReadOnlyCollection<ClaimedJob> jobs, TimeSpan lease, CancellationToken ct)
    {
        var held = new HashSet<long>();
        var until = Epoch.ToMs(time.GetUtcNow() + lease);
        await using var connection = await database.OpenAsync(ct);
        foreach (var byToken in jobs.GroupBy(j => j.LeaseToken))
        {
            held.UnionWith(await connection.QueryAsync<long>(new CommandDefinition(
                $"UPDATE jobs SET due_at = @until WHERE {database.Dialect.InIds("id", "@ids")} AND lease_token = @token AND state = 'pending' RETURNING id",
                new { until, token = byToken.Key, ids = database.Dialect.Ids(byToken.Select(j => j.Id)) }, cancellationToken: ct)));
        }

        return held;
    }

    /// <summary>
    /// Marks the jobs done in one statement per lease; returns how many were still held and so completed. A done job
    /// keeps <c>lease_owner</c>: the node that ran it.
    /// </summary>
    public async Task<int> CompleteAsync(IReadOnlyCollection<ClaimedJob> jobs, CancellationToken ct)
    {
        var completed = 0;
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        foreach (var byToken in jobs.GroupBy(j => j.LeaseToken))
        {
            completed += await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE jobs SET state = 'done', finished_at = @now, lease_token = NULL
                WHERE {database.Dialect.InIds("id", "@ids")} AND lease_token = @token AND state = 'pending'
                """,
                new { now, token = byToken.Key, ids = database.Dialect.Ids(byToken.Select(j => j.Id)) }, cancellationToken: ct));
        }

        return completed;
    }

    /// <summary>Records one failure; see <see cref="FailAsync(IReadOnlyCollection{JobFailure}, CancellationToken)"/>.</summary>
    public async Task<bool> FailAsync(ClaimedJob job, string error, CancellationToken ct) => await FailAsync([new JobFailure(job, error)], ct) == 1;

    /// <summary>
    /// Records failures with their errors: each job is due again after an exponential backoff with jitter, or is dead
    /// when it had its last attempt (or is not to be retried). Returns how many were still held.
    /// </summary>
    public async Task<int> FailAsync(IReadOnlyCollection<JobFailure> failures, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var failed = 0;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE jobs SET state = @state, due_at = @dueAt, finished_at = @finishedAt, last_error = @error, lease_owner = NULL, lease_token = NULL
            WHERE id = @id AND lease_token = @token AND state = 'pending'
            """;
        var parameters = new[] { "@state", "@dueAt", "@finishedAt", "@error", "@id", "@token" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var (job, error, retry, retryAfter) in failures)
        {
            var dead = !retry || job.IsLastAttempt;
            var retryAt = now + (retryAfter ?? JobBackoff.Delay(job.Attempt, settings.RetryDelay, settings.MaxRetryDelay, Random.Shared));
            object[] values = [dead ? "dead" : "pending", Epoch.ToMs(dead ? now : retryAt), dead ? Epoch.ToMs(now) : DBNull.Value, error, job.Id, job.LeaseToken];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            failed += await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return failed;
    }

    /// <summary>
    /// Gives jobs back unfinished (this node is stopping): they are due at once for any node, and the interrupted run
    /// does not count as an attempt.
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<ClaimedJob> jobs, CancellationToken ct)
    {
        var released = 0;
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        foreach (var byToken in jobs.GroupBy(j => j.LeaseToken))
        {
            released += await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE jobs SET due_at = @now, attempts = attempts - 1, lease_owner = NULL, lease_token = NULL
                WHERE {database.Dialect.InIds("id", "@ids")} AND lease_token = @token AND state = 'pending'
                """,
                new { now, token = byToken.Key, ids = database.Dialect.Ids(byToken.Select(j => j.Id)) }, cancellationToken: ct));
        }

        if (released > 0)
        {
            foreach (var queue in jobs.Select(j => j.Queue).Distinct(StringComparer.Ordinal))
            {
                signal.Notify(queue);
            }
        }

        return released;
    }

    private sealed record ClaimedRow(long Id, string Queue, string? Key, string? Group, long? WorkspaceId, string Payload, long Attempts, long MaxAttempts)
    {
        public ClaimedJob ToClaimed(long token, DateTimeOffset until) =>
            new(Id, Queue, Key, Group, WorkspaceId, Payload, (int)Attempts, (int)MaxAttempts, token, until);
    }
}
