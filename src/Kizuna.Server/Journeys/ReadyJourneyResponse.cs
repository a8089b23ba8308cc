using System.Text.Json.Nodes;
using Kizuna.Journeys.Library;

namespace Kizuna.Server.Journeys;

/// <summary>A ready-made journey: its definition (message nodes without template ids) and the templates it creates or reuses, by node.</summary>
public sealed record ReadyJourneyResponse(string Key, string Name, string Description, JsonObject Definition, IReadOnlyList<ReadyMessageResponse> Messages)
{
    public static ReadyJourneyResponse From(ReadyJourney r) => new(
        r.Key, r.Name, r.Description, JourneyResponse.Json(r.Definition),
        [.. r.Messages.Select(m => new ReadyMessageResponse(m.Node, m.TemplateName, m.Channel, m.Subject, m.Body))]);
}
