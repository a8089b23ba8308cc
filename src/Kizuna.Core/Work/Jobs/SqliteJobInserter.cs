using System.Data.Common;

namespace Kizuna.Work.Jobs;

/// <summary>
/// SQLite: one prepared one-row <c>INSERT</c> stepped per job in the caller's transaction. There is no round trip to
/// save, and a multi-row statement would make Microsoft.Data.Sqlite's named-parameter lookup quadratic.
/// </summary>
internal sealed class SqliteJobInserter : JobInserter
{
    public override async Task<IReadOnlyList<long>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Row> rows, long now, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO jobs (queue, key, group_key, workspace_id, payload, state, due_at, attempts, max_attempts, created_at)
            VALUES (@queue, @key, @group, @workspace, @payload, 'pending', @due, 0, @max, @now)
            ON CONFLICT (queue, key) DO NOTHING RETURNING id
            """;
        var parameters = new[] { "@queue", "@key", "@group", "@workspace", "@payload", "@due", "@max", "@now" }.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[7].Value = now;

        await using var existing = connection.CreateCommand();
        existing.Transaction = transaction;
        existing.CommandText = "SELECT id FROM jobs WHERE queue = @queue AND key = @key";
        var (queue, key) = (existing.CreateParameter(), existing.CreateParameter());
        (queue.ParameterName, key.ParameterName) = ("@queue", "@key");
        existing.Parameters.Add(queue);
        existing.Parameters.Add(key);

        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            object?[] values = [row.Queue, row.Key, row.Group, row.WorkspaceId, row.Payload, row.DueAt, row.MaxAttempts];
            for (var c = 0; c < values.Length; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }

            if (await insert.ExecuteScalarAsync(ct) is long id)
            {
                ids[i] = id;
                continue;
            }

            (queue.Value, key.Value) = (row.Queue, row.Key);
            ids[i] = (long)(await existing.ExecuteScalarAsync(ct))!;
        }

        return ids;
    }
}
