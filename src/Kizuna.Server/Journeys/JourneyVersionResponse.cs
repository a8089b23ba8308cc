using System.Text.Json.Nodes;
using Kizuna.Journeys;

namespace Kizuna.Server.Journeys;

/// <summary>One saved version of a journey.</summary>
public sealed record JourneyVersionResponse(int Version, JsonObject Definition, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static JourneyVersionResponse From(JourneyVersion v) => new(v.Version, JourneyResponse.Json(v.Definition), v.CreatedBy, v.CreatedAt);
}
