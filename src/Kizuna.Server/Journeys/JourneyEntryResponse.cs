using System.Text.Json.Nodes;
using Kizuna.Journeys;

namespace Kizuna.Server.Journeys;

/// <summary>A customer's entry into a journey with the path it took so far.</summary>
public sealed record JourneyEntryResponse(
    long Id,
    long JourneyId,
    int Version,
    long ProfileId,
    string State,
    string Node,
    DateTimeOffset? WaitUntil,
    string? EntryEvent,
    JsonObject? Data,
    DateTimeOffset EnteredAt,
    DateTimeOffset? FinishedAt,
    string? ExitReason,
    DateTimeOffset? ConvertedAt,
    IReadOnlyList<JourneyStepResponse> Path)
{
    public static JourneyEntryResponse From(JourneyEntry e, IEnumerable<JourneyStep> steps) => new(
        e.Id, e.JourneyId, e.Version, e.ProfileId, e.State, e.Node, e.WaitUntil, e.EntryEvent,
        e.EntryData is null ? null : JsonNode.Parse(e.EntryData) as JsonObject,
        e.EnteredAt, e.FinishedAt, e.ExitReason, e.ConvertedAt, [.. steps.Select(JourneyStepResponse.From)]);
}
