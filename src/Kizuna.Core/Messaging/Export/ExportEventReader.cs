using Dapper;
using Kizuna.Storage;

namespace Kizuna.Messaging.Export;

/// <summary>
/// Reads a queued export's event back by the index of its profile and time: on the profile it was written on, or on
/// the one that profile merged into since (merges point the old profile at the survivor). An erased customer's events
/// are gone, and so is their export.
/// </summary>
public sealed class ExportEventReader(Database database)
{
    public async Task<ExportEvent?> ReadAsync(long workspaceId, ExportJob job, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<EventRow>(new CommandDefinition(
            """
            SELECT e.event_id AS eventId, e.profile_id AS profileId, p.user_id AS userId, e.message_id AS messageId, e.name,
                   e.ts, e.received_at AS receivedAt, e.properties
            FROM events e JOIN profiles p ON p.workspace_id = e.workspace_id AND p.id = e.profile_id
            WHERE e.workspace_id = @workspaceId AND e.ts = @ts AND e.event_id = @eventId
              AND e.profile_id IN (@profileId, (SELECT merged_into FROM profiles WHERE workspace_id = @workspaceId AND id = @profileId))
            """,
            new
            {
                workspaceId,
                ts = job.Ts,
                profileId = job.ProfileId,
                eventId = database.Dialect.Kind == StoreKind.Sqlite ? (object)job.EventId.ToByteArray() : job.EventId,   // SQLite keeps the 16 bytes
            }, cancellationToken: ct));
        return row is null
            ? null
            : new ExportEvent(StoredGuid.Read(row.EventId), row.ProfileId, row.UserId, row.MessageId, row.Name ?? string.Empty, Epoch.FromMs(row.Ts), Epoch.FromMs(row.ReceivedAt), row.Properties);
    }

    private sealed class EventRow
    {
        public object EventId { get; init; } = null!;

        public long ProfileId { get; init; }

        public string? UserId { get; init; }

        public string MessageId { get; init; } = string.Empty;

        public string? Name { get; init; }

        public long Ts { get; init; }

        public long ReceivedAt { get; init; }

        public string? Properties { get; init; }
    }
}
