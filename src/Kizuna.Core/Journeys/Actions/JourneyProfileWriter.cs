using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// Writes an update-profile node's traits as an identify call through the ingestion pipeline, under the profile's
/// user id (else an anonymous id), so the change feed, segments, consent (the traits' subscriptions, recorded with
/// the source <c>journey</c>), the timeline and triggers see it like any identify. The messageId names the entry
/// and its step and no client time is stated, so a step run again after a crash is dropped as a repeat.
/// </summary>
public sealed class JourneyProfileWriter(Database database, IngestionPipeline pipeline, TimeProvider time)
{
    /// <summary>The messageId prefix of these identify calls (consent reads its source from it).</summary>
    public const string MessageIdPrefix = "journey:";

    public static string MessageId(long entryId, int seq) => FormattableString.Invariant($"{MessageIdPrefix}{entryId}:step:{seq}");

    /// <summary>Null when written, else why not (the profile has no id left: erased or merged away).</summary>
    public async Task<string?> WriteAsync(long workspaceId, long profileId, string messageId, JsonObject traits, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var identity = await connection.QuerySingleOrDefaultAsync<(string? UserId, string? AnonymousId)>(new CommandDefinition(
            """
            SELECT p.user_id,
                   (SELECT min(i.value) FROM identities i WHERE i.workspace_id = p.workspace_id AND i.profile_id = p.id AND i.kind = 'anonymous')
            FROM profiles p WHERE p.workspace_id = @workspaceId AND p.id = @profileId
            """,
            new { workspaceId, profileId }, cancellationToken: ct));
        if (identity.UserId is null && identity.AnonymousId is null)
        {
            return "the profile is gone";
        }

        await pipeline.SubmitAsync(new IngestBatch(workspaceId, [new IngestMessage
        {
            Type = MessageType.Identify,
            MessageId = messageId,
            UserId = identity.UserId,
            AnonymousId = identity.UserId is null ? identity.AnonymousId : null,
            TraitsJson = traits.ToJsonString(),
            Timestamp = at,
            ReceivedAt = time.GetUtcNow(),
        }]), ct);
        return null;
    }
}
