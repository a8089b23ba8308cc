using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Writes messaging's events (opens, clicks, consent changes) on their profiles through the ingestion pipeline, under
/// the profile's user id (else its anonymous id), so segments, analytics and the timeline see them like any other
/// behaviour. Returns once they are committed. A profile with neither id (erased since) records nothing. No client
/// time is stated, so ingestion knows a repeat by its key alone, however much later it comes.
/// </summary>
public sealed class EngagementEvents(Database database, IngestionPipeline pipeline, TimeProvider time)
{
    public async Task RecordAsync(IReadOnlyList<ProfileEvent> events, CancellationToken ct)
    {
        foreach (var workspace in events.Where(e => e.ProfileId > 0).GroupBy(e => e.WorkspaceId))
        {
            var identities = await IdentitiesAsync(workspace.Key, [.. workspace.Select(e => e.ProfileId).Distinct()], ct);
            var now = time.GetUtcNow();
            var messages = workspace.Where(e => identities.ContainsKey(e.ProfileId)).Select(e => new IngestMessage
            {
                Type = MessageType.Track,
                MessageId = e.Key,
                UserId = identities[e.ProfileId].UserId,
                AnonymousId = identities[e.ProfileId].UserId is null ? identities[e.ProfileId].AnonymousId : null,
                Name = e.Name,
                PropertiesJson = e.Properties.ToJsonString(),
                Timestamp = e.At,
                ReceivedAt = now,
            }).ToList();
            await pipeline.SubmitAsync(new IngestBatch(workspace.Key, messages), ct);
        }
    }

    private async Task<Dictionary<long, (string? UserId, string? AnonymousId)>> IdentitiesAsync(long workspaceId, long[] profileIds, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? UserId, string? AnonymousId)>(new CommandDefinition(
            $"""
            SELECT p.id, p.user_id,
                   (SELECT min(i.value) FROM identities i WHERE i.workspace_id = p.workspace_id AND i.profile_id = p.id AND i.kind = 'anonymous')
            FROM profiles p WHERE p.workspace_id = @workspaceId AND {database.Dialect.InIds("p.id", "@ids")}
            """,
            new { workspaceId, ids = database.Dialect.Ids(profileIds) }, cancellationToken: ct));
        return rows.Where(r => r.UserId is not null || r.AnonymousId is not null).ToDictionary(r => r.Id, r => (r.UserId, r.AnonymousId));
    }
}
