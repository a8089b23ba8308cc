using System.Data.Common;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.Changes;

/// <summary>The events of a set of changes, read from the events table by <c>change_id</c> in the order they were written.</summary>
internal static class ChangeEvents
{
    public static async Task<Dictionary<long, List<ChangeEvent>>> ReadAsync(DbConnection connection, SqlDialect dialect, long[] changeIds, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(long ChangeId, long WorkspaceId, long ProfileId, object EventId, string MessageId, string Type, string? Name, long Ts, long ReceivedAt, string? Properties)>(
            new CommandDefinition(
                $"""
                SELECT change_id, workspace_id, profile_id, event_id, message_id, type, name, ts, received_at, properties FROM events
                WHERE {dialect.OneOf("change_id", "@changeIds")} ORDER BY change_id, id
                """, new { changeIds }, cancellationToken: ct));
        var byChange = new Dictionary<long, List<ChangeEvent>>();
        foreach (var r in rows)
        {
            if (!byChange.TryGetValue(r.ChangeId, out var list))
            {
                byChange[r.ChangeId] = list = [];
            }

            list.Add(new ChangeEvent(r.WorkspaceId, r.ProfileId, StoredGuid.Read(r.EventId), r.MessageId, r.Type, r.Name,
                Epoch.FromMs(r.Ts), Epoch.FromMs(r.ReceivedAt), r.Properties));
        }

        return byChange;
    }
}
