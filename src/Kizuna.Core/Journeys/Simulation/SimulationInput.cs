using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Simulation;

/// <summary>
/// What to simulate: one customer (a stored profile, or <see cref="ProfileId"/> null and <see cref="Traits"/> for a
/// hypothetical one), the entry (an event's name and properties, or an API call's data) at <see cref="Start"/>, the
/// customer's later events, how far the simulated clock runs, and the answers webhook nodes get (none are called):
/// <see cref="WebhookAnswers"/> by node id (a node not named answers nothing), and <see cref="FailingWebhooks"/>
/// that take their failure edge.
/// </summary>
public sealed record SimulationInput(
    long WorkspaceId,
    long JourneyId,
    int? Version,
    long? ProfileId,
    JsonObject? Traits,
    string? TimeZone,
    string? EntryEvent,
    JsonObject? EntryData,
    DateTimeOffset Start,
    IReadOnlyList<SimulatedEvent> Events,
    TimeSpan Horizon,
    IReadOnlyDictionary<string, JsonNode?>? WebhookAnswers = null,
    IReadOnlyCollection<string>? FailingWebhooks = null);
