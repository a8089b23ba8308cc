using System.Text.Json.Nodes;

namespace Kizuna.Profiles;

/// <summary>One event on a profile's timeline. <see cref="Cursor"/> pages further back.</summary>
public sealed record TimelineEvent(
    string Cursor,
    Guid EventId,
    string MessageId,
    string Type,
    string? Name,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    JsonNode? Properties,
    JsonNode? Context);
