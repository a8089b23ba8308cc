using System.Globalization;
using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Storage;

namespace Kizuna.Segments;

/// <summary>
/// Writes <c>Segment Entered</c> and <c>Segment Exited</c> track events through the ingestion pipeline, so journeys,
/// analytics and exports see them like any other behaviour. Each event's messageId and stated time come from its
/// transition's cause, so writing the same transition again is dropped as a repeat by the writer's deduplication.
/// </summary>
public sealed class SegmentEvents(Database database, IngestionPipeline pipeline, TimeProvider time)
{
    public const string Entered = "Segment Entered";

    public const string Exited = "Segment Exited";

    /// <summary>The messageId prefix of the events written here, by which the real-time evaluator knows its own.</summary>
    public const string MessageIdPrefix = "segment:";

    /// <summary>True for an event this class wrote.</summary>
    public static bool IsOwn(string? name, string messageId) =>
        name is Entered or Exited && messageId.StartsWith(MessageIdPrefix, StringComparison.Ordinal);

    /// <summary>Writes the events and waits until they are committed. Profiles no id answers to any more (merged away, erased) are left out.</summary>
    public async Task WriteAsync(Segment segment, IReadOnlyList<SegmentTransition> transitions, CancellationToken ct)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        var identities = await IdentitiesAsync(segment.WorkspaceId, [.. transitions.Select(t => t.ProfileId).Distinct()], ct);
        foreach (var chunk in Messages(segment, transitions, identities).Chunk(2_000))
        {
            await pipeline.SubmitAsync(new IngestBatch(segment.WorkspaceId, chunk), ct);
        }
    }

    /// <summary>
    /// Writes the events <paramref name="prelude"/> answers in the ingestion writer's transaction it runs in, and waits
    /// until they are committed.
    /// </summary>
    internal Task WriteWithAsync(long workspaceId, BatchPrelude prelude, CancellationToken ct) =>
        pipeline.SubmitAsync(new IngestBatch(workspaceId, []) { Prelude = prelude }, ct);

    /// <summary>The events of the transitions, for the profiles <paramref name="identities"/> has an id for.</summary>
    internal List<IngestMessage> Messages(
        Segment segment, IReadOnlyList<SegmentTransition> transitions, IReadOnlyDictionary<long, (string Kind, string Value)> identities)
    {
        var properties = JsonSerializer.Serialize(new Dictionary<string, object> { ["segment_id"] = segment.Id, ["segment_name"] = segment.Name });
        var now = time.GetUtcNow();
        var messages = new List<IngestMessage>(transitions.Count);
        foreach (var t in transitions)
        {
            if (!identities.TryGetValue(t.ProfileId, out var identity))
            {
                continue;
            }

            messages.Add(new IngestMessage
            {
                Type = MessageType.Track,
                MessageId = string.Create(CultureInfo.InvariantCulture, $"{MessageIdPrefix}{segment.Id}:{t.ProfileId}:{(t.Entered ? "in" : "out")}:{t.Seq}:{t.Cause}"),
                UserId = identity.Kind == "user" ? identity.Value : null,
                AnonymousId = identity.Kind == "user" ? null : identity.Value,
                Name = t.Entered ? Entered : Exited,
                PropertiesJson = properties,
                StatedTimestamp = t.At,
                Timestamp = t.At,
                ReceivedAt = now,
            });
        }

        return messages;
    }

    /// <summary>One id per profile to address it by: its user id when it has one, else an anonymous id.</summary>
    internal async Task<Dictionary<long, (string Kind, string Value)>> IdentitiesAsync(long workspaceId, IReadOnlyList<long> profileIds, CancellationToken ct)
    {
        var found = new Dictionary<long, (string Kind, string Value)>(profileIds.Count);
        await using var connection = await database.OpenAsync(ct);
        foreach (var chunk in profileIds.Chunk(5_000))
        {
            var rows = await connection.QueryAsync<(long ProfileId, string Kind, string Value)>(new CommandDefinition(
                $"""
                SELECT profile_id, kind, value FROM identities
                WHERE workspace_id = @workspaceId AND {database.Dialect.InIds("profile_id", "@ids")}
                ORDER BY profile_id, kind DESC, value
                """,
                new { workspaceId, ids = database.Dialect.Ids(chunk) }, cancellationToken: ct));
            foreach (var row in rows)
            {
                if (!found.TryGetValue(row.ProfileId, out var known) || (known.Kind != "user" && row.Kind == "user"))
                {
                    found[row.ProfileId] = (row.Kind, row.Value);
                }
            }
        }

        return found;
    }
}
