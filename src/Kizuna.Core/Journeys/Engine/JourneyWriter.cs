using System.Data.Common;
using Dapper;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Writes a pass in one transaction: new entries (a key already there means the trigger was handled, and its entry
/// is left alone), moved entries compare-and-set on the seq they were read at, then the winners' outbox messages,
/// steps and timers. So a pass repeated after a crash, or racing another node's pass over the same entry, writes
/// every step and message once.
/// </summary>
public sealed class JourneyWriter(Database database, OutboxStore outbox, JobQueue jobs, TimeProvider time)
{
    public async Task CommitAsync(JourneyPass pass, CancellationToken ct)
    {
        var runs = pass.Runs.Where(r => r.Moved || r.Converted).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var winners = new List<EntryRun>();
        foreach (var run in runs)
        {
            if (run.IsNew ? await InsertAsync(connection, transaction, run, now, ct) : await UpdateAsync(connection, transaction, run, now, ct))
            {
                winners.Add(run);
            }
        }

        var planned = winners.SelectMany(r => r.Steps.Where(s => s.Message is not null).Select(s => (Run: r, Step: s))).ToList();
        var (queued, messageJobs) = await outbox.QueueAsync(connection, transaction,
            [.. planned.Select(p => p.Step.Message! with { IdempotencyKey = p.Step.Message!.IdempotencyKey.Replace(JourneySteps.EntryPlaceholder, p.Run.Entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) })], ct);
        var messageIds = planned.Select((p, i) => (p.Run.Entry.Id, p.Step.Seq, queued[i].Id)).ToDictionary(p => (p.Item1, p.Seq), p => p.Item3);

        foreach (var run in winners)
        {
            foreach (var step in run.Steps)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO journey_steps (workspace_id, entry_id, seq, profile_id, journey_id, node, at, outcome, message_id)
                    VALUES (@WorkspaceId, @entry, @seq, @ProfileId, @JourneyId, @node, @at, @outcome, @message)
                    ON CONFLICT (workspace_id, entry_id, seq) DO NOTHING
                    """,
                    new
                    {
                        run.Entry.WorkspaceId,
                        entry = run.Entry.Id,
                        seq = (long)step.Seq,
                        run.Entry.ProfileId,
                        run.Entry.JourneyId,
                        node = step.Node,
                        at = Epoch.ToMs(step.At),
                        outcome = step.Outcome,
                        message = messageIds.TryGetValue((run.Entry.Id, step.Seq), out var m) ? m : (long?)null,
                    }, transaction, cancellationToken: ct));
            }
        }

        var timers = winners.Where(r => r.TimerAt is not null && r.Entry.State == JourneyEntry.Waiting)
            .Select(r => new JourneyTimer(r.Entry.Id, r.Entry.Seq).ToJob(r.Entry.WorkspaceId, r.Entry.JourneyId, r.Entry.Version, r.Journey.Head.Resumes, r.TimerAt!.Value))
            .ToList();
        await jobs.EnqueueManyAsync(connection, transaction, timers, ct);
        await transaction.CommitAsync(ct);
        jobs.Wake([.. messageJobs, .. timers]);
    }

    private static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, EntryRun run, long now, CancellationToken ct)
    {
        var e = run.Entry;
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO journey_entries (workspace_id, profile_id, journey_id, version, entry_key, state, node, seq, wait_until, entry_event,
                                         entry_data, vars, entered_at, updated_at, finished_at, exit_reason, converted_at)
            VALUES (@WorkspaceId, @ProfileId, @JourneyId, @version, @EntryKey, @State, @Node, @seq, @waitUntil, @EntryEvent,
                    @EntryData, @vars, @enteredAt, @now, @finishedAt, @ExitReason, @convertedAt)
            ON CONFLICT (workspace_id, journey_id, entry_key) DO NOTHING RETURNING id
            """,
            Parameters(run, now), transaction, cancellationToken: ct));
        if (id is not { } created)
        {
            return false;
        }

        run.Entry = e with { Id = created };
        return true;
    }

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, EntryRun run, long now, CancellationToken ct)
    {
        if (!run.Moved)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE journey_entries SET converted_at = @convertedAt WHERE id = @Id AND converted_at IS NULL",
                new { run.Entry.Id, convertedAt = Epoch.ToMs(run.Entry.ConvertedAt!.Value) }, transaction, cancellationToken: ct));
            return false;
        }

        var args = Parameters(run, now);
        args.Add("loadedSeq", (long)run.LoadedSeq!.Value);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE journey_entries SET state = @State, node = @Node, seq = @seq, wait_until = @waitUntil, vars = @vars, updated_at = @now,
                   finished_at = @finishedAt, exit_reason = @ExitReason, converted_at = COALESCE(converted_at, @convertedAt)
            WHERE id = @Id AND seq = @loadedSeq
            """, args, transaction, cancellationToken: ct)) == 1;
    }

    private static DynamicParameters Parameters(EntryRun run, long now)
    {
        var e = run.Entry;
        var args = new DynamicParameters(new
        {
            e.Id,
            e.WorkspaceId,
            e.ProfileId,
            e.JourneyId,
            version = (long)e.Version,
            e.EntryKey,
            e.State,
            e.Node,
            seq = (long)e.Seq,
            waitUntil = e.WaitUntil is { } w ? Epoch.ToMs(w) : (long?)null,
            e.EntryEvent,
            e.EntryData,
            vars = run.Vars.Count == 0 ? null : run.Vars.ToJsonString(),
            enteredAt = Epoch.ToMs(e.EnteredAt),
            now,
            finishedAt = e.FinishedAt is { } f ? Epoch.ToMs(f) : (long?)null,
            e.ExitReason,
            convertedAt = e.ConvertedAt is { } c ? Epoch.ToMs(c) : (long?)null,
        });
        return args;
    }
}
