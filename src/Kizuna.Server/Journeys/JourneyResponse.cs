using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Journeys;
using Kizuna.Journeys.Model;

namespace Kizuna.Server.Journeys;

/// <summary>A journey: its state, its latest version and the version new entries take, with the latest definition.</summary>
public sealed record JourneyResponse(
    long Id,
    string Name,
    string State,
    int Version,
    int? LiveVersion,
    JsonObject Definition,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static JourneyResponse From(Journey j, JourneyDefinition definition) =>
        new(j.Id, j.Name, j.State, j.Version, j.LiveVersion, Json(definition), j.CreatedBy, j.CreatedAt, j.UpdatedAt);

    public static JsonObject Json(JourneyDefinition definition) => JsonSerializer.SerializeToNode(definition, JourneyJson.Options)!.AsObject();
}
