using System.Data.Common;
using System.Globalization;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Journeys.Model;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Writes a pass in one transaction: new entries (a key already there means the trigger was handled, and its entry
/// is left alone), moved entries compare-and-set on the seq they were read at, then the winners' outbox messages,
/// steps and timers. So a pass repeated after a crash, or racing another node's pass over the same entry, writes
/// every step and message once. Each kind of row goes in as one bulk statement (<see cref="BulkSql"/>: one array-bound
/// statement on PostgreSQL, one prepared statement stepped per row on SQLite, in this process's write turn).
/// </summary>
public sealed class JourneyWriter(Database database, OutboxStore outbox, JobQueue jobs, TimeProvider time)
{
    private static readonly Type[] MoveTypes =
        [typeof(long), typeof(long), typeof(string), typeof(string), typeof(long), typeof(long), typeof(string), typeof(long), typeof(long), typeof(string), typeof(long)];

    public async Task CommitAsync(JourneyPass pass, CancellationToken ct)
    {
        var runs = pass.Runs.Where(r => r.Moved || r.Converted).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        var now = Epoch.ToMs(time.GetUtcNow());
        var dialect = database.Dialect;
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var writes = new PendingWrites(connection, transaction);
        var winners = await InsertAsync(connection, transaction, dialect, [.. runs.Where(r => r.IsNew)], now, ct);
        winners.AddRange(await MoveAsync(connection, transaction, [.. runs.Where(r => !r.IsNew && r.Moved)], now, ct));
        foreach (var run in runs.Where(r => !r.IsNew && !r.Moved))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE journey_entries SET converted_at = @convertedAt WHERE id = @Id AND converted_at IS NULL",
                new { run.Entry.Id, convertedAt = Epoch.ToMs(run.Entry.ConvertedAt!.Value) }, transaction, cancellationToken: ct));
        }

        var planned = winners.SelectMany(r => r.Steps.Where(s => s.Message is not null).Select(s => (Run: r, Step: s))).ToList();
        var (queued, messageJobs) = await outbox.QueueAsync(writes,
            [.. planned.Select(p => p.Step.Message! with { IdempotencyKey = p.Step.Message!.IdempotencyKey.Replace(JourneySteps.EntryPlaceholder, p.Run.Entry.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) })], ct);
        var messageIds = planned.Select((p, i) => (p.Run.Entry.Id, p.Step.Seq, queued[i].Id)).ToDictionary(p => (p.Item1, p.Seq), p => p.Item3);

        BulkSql.Insert(writes, dialect,
            "INSERT INTO journey_steps (workspace_id, entry_id, seq, profile_id, journey_id, node, at, outcome, message_id)",
            [.. winners.SelectMany(run => run.Steps.Select(step => new object?[]
            {
                run.Entry.WorkspaceId, run.Entry.Id, (long)step.Seq, run.Entry.ProfileId, run.Entry.JourneyId, step.Node, Epoch.ToMs(step.At), step.Outcome,
                messageIds.TryGetValue((run.Entry.Id, step.Seq), out var m) ? m : null,
            }))],
            "ON CONFLICT (workspace_id, entry_id, seq) DO NOTHING", null);

        var timers = winners.Where(r => r.TimerAt is not null && r.Entry.State == JourneyEntry.Waiting)
            .Select(r => new JourneyTimer(r.Entry.Id, r.Entry.Seq).ToJob(r.Entry.WorkspaceId, r.Entry.JourneyId, r.Entry.Version, r.Journey.Head.Resumes, r.TimerAt!.Value,
                r.Journey.Nodes.TryGetValue(r.Entry.Node, out var node) && JourneyNodeKinds.Acts(node.Kind) ? JourneyTimer.ActionQueue : JourneyTimer.Queue))
            .ToList();
        await jobs.EnqueueAsync(writes, timers, ct);
        await writes.SendAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Wake([.. messageJobs, .. timers]);
    }

    /// <summary>Inserts the new entries whose key is free; answers those (their ids set).</summary>
    private static async Task<List<EntryRun>> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, List<EntryRun> runs, long now, CancellationToken ct)
    {
        var ids = await BulkSql.InsertAsync(connection, transaction, dialect,
            """
            INSERT INTO journey_entries (workspace_id, journey_id, entry_key, profile_id, version, state, node, seq, wait_until, entry_event,
                                         entry_data, vars, entered_at, updated_at, finished_at, exit_reason, converted_at)
            """,
            [.. runs.Select(run =>
            {
                var e = run.Entry;
                return new object?[]
                {
                    e.WorkspaceId, e.JourneyId, e.EntryKey, e.ProfileId, (long)e.Version, e.State, e.Node, (long)e.Seq, Ms(e.WaitUntil), e.EntryEvent,
                    e.EntryData, Vars(run), Epoch.ToMs(e.EnteredAt), now, Ms(e.FinishedAt), e.ExitReason, Ms(e.ConvertedAt),
                };
            })],
            "ON CONFLICT (workspace_id, journey_id, entry_key) DO NOTHING RETURNING workspace_id, journey_id, entry_key, id", null,
            r => (Key: (r.GetInt64(0), r.GetInt64(1), r.GetString(2)), Id: r.GetInt64(3)), ct);
        var created = ids.ToDictionary(p => p.Key, p => p.Id);
        var winners = new List<EntryRun>(created.Count);
        foreach (var run in runs)
        {
            if (created.TryGetValue((run.Entry.WorkspaceId, run.Entry.JourneyId, run.Entry.EntryKey), out var id))
            {
                run.Entry = run.Entry with { Id = id };
                winners.Add(run);
            }
        }

        return winners;
    }

    /// <summary>Moves the stored entries still at the seq they were read at; answers those.</summary>
    private static async Task<List<EntryRun>> MoveAsync(DbConnection connection, DbTransaction transaction, List<EntryRun> runs, long now, CancellationToken ct)
    {
        var moved = new HashSet<long>();
        await BulkSql.RunForRowsAsync(connection, transaction,
            """
            UPDATE journey_entries SET state = ?3, node = ?4, seq = ?5, wait_until = ?6, vars = ?7, updated_at = ?8,
                   finished_at = ?9, exit_reason = ?10, converted_at = COALESCE(converted_at, ?11)
            WHERE id = ?1 AND seq = ?2 RETURNING id
            """,
            """
            UPDATE journey_entries AS e SET state = u.c2, node = u.c3, seq = u.c4, wait_until = u.c5, vars = u.c6, updated_at = u.c7,
                   finished_at = u.c8, exit_reason = u.c9, converted_at = COALESCE(e.converted_at, u.c10)
            FROM {rows} WHERE e.id = u.c0 AND e.seq = u.c1 RETURNING e.id
            """,
            MoveTypes,
            [.. runs.Select(run =>
            {
                var e = run.Entry;
                return new object?[] { e.Id, (long)run.LoadedSeq!.Value, e.State, e.Node, (long)e.Seq, Ms(e.WaitUntil), Vars(run), now, Ms(e.FinishedAt), e.ExitReason, Ms(e.ConvertedAt) };
            })],
            r => moved.Add(r.GetInt64(0)), ct);
        return [.. runs.Where(r => moved.Contains(r.Entry.Id))];
    }

    private static long? Ms(DateTimeOffset? at) => at is { } t ? Epoch.ToMs(t) : null;

    private static string? Vars(EntryRun run) => run.Vars.Count == 0 ? null : run.Vars.ToJsonString();
}
