using System.Text.Json.Nodes;
using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>One event on a customer's timeline, newest first; <c>cursor</c> is the <c>before</c> of the next page.</summary>
public sealed record TimelineEventResponse(
    string Cursor,
    Guid EventId,
    string MessageId,
    string Type,
    string? Name,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    JsonNode? Properties,
    JsonNode? Context)
{
    public static TimelineEventResponse From(TimelineEvent e) =>
        new(e.Cursor, e.EventId, e.MessageId, e.Type, e.Name, e.Timestamp, e.ReceivedAt, e.Properties, e.Context);
}
