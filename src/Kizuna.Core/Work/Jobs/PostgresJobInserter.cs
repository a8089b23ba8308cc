using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

/// <summary>
/// PostgreSQL: one statement over one array per column, whatever the number of jobs, in the order given, so the ids
/// the sequence hands out rise with it. Jobs whose key was already there are looked up afterwards.
/// </summary>
internal sealed class PostgresJobInserter : JobInserter
{
    private const string Insert = """
        INSERT INTO jobs (queue, key, group_key, workspace_id, payload, state, due_at, attempts, max_attempts, created_at)
        SELECT r.queue, r.key, r.group_key, r.workspace_id, r.payload, 'pending', r.due_at, 0, r.max_attempts, @now
        FROM unnest(@queues, @keys, @groups, @workspaces, @payloads, @dues, @maxes) WITH ORDINALITY
            AS r(queue, key, group_key, workspace_id, payload, due_at, max_attempts, n)
        ORDER BY r.n
        ON CONFLICT (queue, key) DO NOTHING
        """;

    public override async Task<IReadOnlyList<long>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Row> rows, long now, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        foreach (var (name, value) in Parameters(rows, now))
        {
            parameters.Add(name, value);
        }

        var inserted = (await connection.QueryAsync<(long Id, string Queue, string? Key)>(new CommandDefinition(
            $"{Insert} RETURNING id, queue, key", parameters, transaction, cancellationToken: ct))).OrderBy(r => r.Id).ToList();

        var byKey = inserted.Where(r => r.Key is not null).ToDictionary(r => (r.Queue, r.Key!), r => r.Id);
        var keyless = new Queue<long>(inserted.Where(r => r.Key is null).Select(r => r.Id));
        var missing = rows.Where(r => r.Key is not null && !byKey.ContainsKey((r.Queue, r.Key))).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, queue, key) in await connection.QueryAsync<(long, string, string)>(new CommandDefinition(
                "SELECT j.id, j.queue, j.key FROM jobs j JOIN unnest(@queues, @keys) AS m(queue, key) ON j.queue = m.queue AND j.key = m.key",
                new { queues = missing.Select(r => r.Queue).ToArray(), keys = missing.Select(r => r.Key).ToArray() }, transaction, cancellationToken: ct)))
            {
                byKey[(queue, key)] = id;
            }
        }

        return [.. rows.Select(r => r.Key is { } key ? byKey[(r.Queue, key)] : keyless.Dequeue())];
    }

    public override Task HoldAsync(PendingWrites writes, IReadOnlyList<Row> rows, long now, CancellationToken ct)
    {
        writes.Add(Insert, Parameters(rows, now));
        return Task.CompletedTask;
    }

    private static (string Name, object? Value)[] Parameters(IReadOnlyList<Row> rows, long now) =>
    [
        ("@now", now),
        ("@queues", rows.Select(r => r.Queue).ToArray()),
        ("@keys", rows.Select(r => r.Key).ToArray()),
        ("@groups", rows.Select(r => r.Group).ToArray()),
        ("@workspaces", rows.Select(r => r.WorkspaceId).ToArray()),
        ("@payloads", rows.Select(r => r.Payload).ToArray()),
        ("@dues", rows.Select(r => r.DueAt).ToArray()),
        ("@maxes", rows.Select(r => r.MaxAttempts).ToArray()),
    ];
}
