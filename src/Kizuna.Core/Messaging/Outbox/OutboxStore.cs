using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Outbox;

/// <summary>
/// The outbox: one <c>messages</c> row per message and its history. A message and the job that sends it are written
/// in one transaction, so nothing queued is ever without its job, and a message's key makes queuing it again a no-op.
/// </summary>
public sealed class OutboxStore(Database database, JobQueue jobs, TimeProvider time)
{
    /// <summary>Queues messages with their jobs; a key already there answers its first message, unchanged.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> QueueAsync(IReadOnlyList<NewMessage> messages, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var writes = new PendingWrites(connection, transaction);
        var (queued, newJobs) = await QueueAsync(writes, messages, ct);
        await writes.SendAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Wake(newJobs);
        return queued;
    }

    /// <summary>
    /// Queues messages with their jobs inside the caller's transaction, so a feature's own state change and its
    /// messages commit together: the messages are inserted at once (their ids are answered), their history and jobs
    /// join <paramref name="writes"/>, which the caller sends before its commit; it wakes the returned jobs
    /// (<see cref="JobQueue.Wake"/>) after.
    /// </summary>
    public async Task<(IReadOnlyList<QueuedMessage> Queued, IReadOnlyList<NewJob> Jobs)> QueueAsync(
        PendingWrites writes, IReadOnlyList<NewMessage> messages, CancellationToken ct)
    {
        var (connection, transaction) = (writes.Connection, writes.Transaction);
        var now = Epoch.ToMs(time.GetUtcNow());
        // One bulk statement for all rows (the journeys engine queues a message per entry of a batch); a key already
        // there, or repeated in this call, answers its first message.
        var inserted = (await BulkSql.InsertAsync(connection, transaction, database.Dialect,
            """
            INSERT INTO messages (workspace_id, profile_id, channel, source, idempotency_key, template_id, template_version,
                                  recipient, data, transactional, state, attempts, created_at, updated_at, subscription_group_id)
            """,
            [.. messages.Select(m => new object?[]
            {
                m.WorkspaceId, m.ProfileId, MessageChannels.Name(m.Channel), m.Source, m.IdempotencyKey, m.TemplateId, (long)m.TemplateVersion,
                m.Recipient, m.Data, m.Transactional ? 1L : 0L, "queued", 0L, now, now, m.SubscriptionGroupId,
            })],
            "ON CONFLICT (workspace_id, idempotency_key) DO NOTHING RETURNING workspace_id, idempotency_key, id", null,
            r => (Key: (r.GetInt64(0), r.GetString(1)), Id: r.GetInt64(2)), ct)).ToDictionary(p => p.Key, p => p.Id);
        var queued = new List<QueuedMessage>(messages.Count);
        var newJobs = new List<NewJob>();
        foreach (var m in messages)
        {
            if (inserted.Remove((m.WorkspaceId, m.IdempotencyKey), out var created))
            {
                queued.Add(new QueuedMessage(created, true));
                newJobs.Add(OutboxJobs.For(m.WorkspaceId, created, m.Channel));
                continue;
            }

            queued.Add(new QueuedMessage(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM messages WHERE workspace_id = @WorkspaceId AND idempotency_key = @IdempotencyKey",
                new { m.WorkspaceId, m.IdempotencyKey }, transaction, cancellationToken: ct)), false));
        }

        History(writes, [.. queued.Where(q => q.Created).Select(q => q.Id)], OutboxState.Queued, null, now);
        await jobs.EnqueueAsync(writes, newJobs, ct);
        return (queued, newJobs);
    }

    /// <summary>
    /// Suppresses the workspace's messages among <paramref name="ids"/> that no node has started sending (queued or
    /// deferred), with <paramref name="reason"/> in their history; a sender that loaded one before finds it done when it
    /// marks its batch. Returns how many were dropped.
    /// </summary>
    public async Task<int> DropAsync(long workspaceId, IReadOnlyList<long> ids, string reason, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var writes = new PendingWrites(connection, transaction);
        var dropped = (await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            UPDATE messages SET state = @state, last_error = @reason, updated_at = @now
            WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("id", "@ids")} AND state IN ('queued', 'deferred')
            RETURNING id
            """,
            new { state = OutboxStates.Name(OutboxState.Suppressed), reason, now, workspaceId, ids = database.Dialect.Ids(ids) },
            transaction, cancellationToken: ct))).ToList();
        History(writes, dropped, OutboxState.Suppressed, reason, now);
        await writes.SendAsync(ct);
        await transaction.CommitAsync(ct);
        return dropped.Count;
    }

    /// <summary>A workspace's message, or null.</summary>
    public async Task<OutboxMessage?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {OutboxRow.Columns} FROM messages m WHERE m.workspace_id = @workspaceId AND m.id = @id",
            new { workspaceId, id }, cancellationToken: ct));
        return row?.ToMessage();
    }

    /// <summary>The message queued under a key, or null.</summary>
    public async Task<OutboxMessage?> FindByKeyAsync(long workspaceId, string idempotencyKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {OutboxRow.Columns} FROM messages m WHERE m.workspace_id = @workspaceId AND m.idempotency_key = @idempotencyKey",
            new { workspaceId, idempotencyKey }, cancellationToken: ct));
        return row?.ToMessage();
    }

    /// <summary>Every state the message went through, oldest first (empty when the workspace has no such message).</summary>
    public async Task<IReadOnlyList<OutboxHistoryEntry>> HistoryAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long At, string State, string? Detail)>(new CommandDefinition(
            "SELECT at, state, detail FROM message_history WHERE message_id = @id AND workspace_id = @workspaceId ORDER BY at, state",
            new { workspaceId, id }, cancellationToken: ct));
        return [.. rows.Select(r => new OutboxHistoryEntry(Epoch.FromMs(r.At), OutboxStates.Parse(r.State), r.Detail))];
    }

    /// <summary>The messages of a claimed batch with their profiles' identities; ids the outbox lacks are left out.</summary>
    internal async Task<IReadOnlyList<OutboxMessage>> LoadForSendAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"""
            SELECT {OutboxRow.Columns}, p.user_id AS userId,
                   (SELECT min(i.value) FROM identities i
                    WHERE i.workspace_id = m.workspace_id AND i.profile_id = m.profile_id AND i.kind = 'anonymous') AS anonymousId
            FROM messages m LEFT JOIN profiles p ON p.workspace_id = m.workspace_id AND p.id = m.profile_id
            WHERE {database.Dialect.InIds("m.id", "@ids")}
            """,
            new { ids = database.Dialect.Ids(ids) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToMessage())];
    }

    /// <summary>
    /// Moves messages to their next state in one transaction with their history, and queues <paramref name="later"/>
    /// (the jobs of deferred messages) in it too.
    /// </summary>
    internal async Task ApplyAsync(IReadOnlyList<OutboxTransition> transitions, IReadOnlyList<NewJob> later, CancellationToken ct)
    {
        if (transitions.Count == 0 && later.Count == 0)
        {
            return;
        }

        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var writes = new PendingWrites(connection, transaction);
        foreach (var group in transitions.GroupBy(t => (t.To, t.Detail, t.NextAttemptAt, t.Attempted, t.SentAt)))
        {
            var (to, detail, next, attempted, sentAt) = group.Key;
            var ids = group.Select(t => t.Message.Id).ToList();
            var failed = to is OutboxState.Failed or OutboxState.Dead or OutboxState.Deferred or OutboxState.Suppressed;
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE messages SET state = @state, attempts = attempts + @attempted, next_attempt_at = @next,
                    last_error = {(failed ? "@detail" : "last_error")}, updated_at = @now,
                    sent_at = {(to == OutboxState.Sent ? "@sentAt" : "sent_at")}
                WHERE {database.Dialect.InIds("id", "@ids")}
                """,
                new { state = OutboxStates.Name(to), attempted = attempted ? 1L : 0L, next = next is { } n ? Epoch.ToMs(n) : (long?)null, detail, now, sentAt = sentAt is { } at ? Epoch.ToMs(at) : now, ids = database.Dialect.Ids(ids) },
                transaction, cancellationToken: ct));
            History(writes, ids, to, detail, now);
        }

        await jobs.EnqueueAsync(writes, later, ct);
        await writes.SendAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Wake(later);
    }

    /// <summary>
    /// Marks a batch in doubt before its hand-over to the channel, each message only while it is not done: one another
    /// node finished since this node loaded it is left out. Returns the ids marked, the only ones to send.
    /// </summary>
    internal async Task<IReadOnlySet<long>> MarkSendingAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        var marked = new HashSet<long>();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var writes = new PendingWrites(connection, transaction);
        foreach (var group in messages.GroupBy(m => m.State == OutboxState.Sending))
        {
            var ids = (await connection.QueryAsync<long>(new CommandDefinition(
                $"""
                UPDATE messages SET state = @state, updated_at = @now
                WHERE {database.Dialect.InIds("id", "@ids")} AND {OutboxStates.NotDoneSql("state")}
                RETURNING id
                """,
                new { state = OutboxStates.Name(OutboxState.Sending), now, ids = database.Dialect.Ids([.. group.Select(m => m.Id)]) },
                transaction, cancellationToken: ct))).ToList();
            History(writes, ids, OutboxState.Sending, group.Key ? "Sent again: the previous try was interrupted." : null, now);
            marked.UnionWith(ids);
        }

        await writes.SendAsync(ct);
        await transaction.CommitAsync(ct);
        return marked;
    }

    /// <summary>A history row in <paramref name="state"/> for each of the messages, with the transaction's other writes.</summary>
    private void History(PendingWrites writes, IReadOnlyList<long> ids, OutboxState state, string? detail, long now)
    {
        if (ids.Count == 0)
        {
            return;
        }

        writes.Add(
            $"""
            INSERT INTO message_history (workspace_id, profile_id, message_id, at, state, detail)
            SELECT workspace_id, profile_id, id, @now, @state, @detail FROM messages WHERE {database.Dialect.InIds("id", "@ids")}
            """,
            ("@now", now), ("@state", OutboxStates.Name(state)), ("@detail", detail), ("@ids", database.Dialect.Ids(ids)));
    }
}
