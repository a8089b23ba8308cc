using System.Text.Json.Nodes;

namespace Kizuna.Server.Journeys;

/// <summary>
/// A simulation: a stored customer (<see cref="ProfileId"/> or <see cref="UserId"/>) or a hypothetical one
/// (<see cref="Traits"/>, with <see cref="Timezone"/>); the entry event (<see cref="Event"/>, <see cref="Properties"/>)
/// or an API entry's <see cref="Data"/>; the version (default: the live one, else the latest); the start (ISO 8601,
/// default now); later events; the horizon (a duration, default 30d); what webhook nodes answer (<see cref="WebhookAnswers"/>,
/// JSON by node id; none is called) and which of them fail (<see cref="FailingWebhooks"/>).
/// </summary>
public sealed record SimulateJourneyRequest(
    long? ProfileId,
    string? UserId,
    JsonObject? Traits,
    string? Timezone,
    string? Event,
    JsonObject? Properties,
    JsonObject? Data,
    int? Version,
    string? Start,
    IReadOnlyList<SimulateEventRequest>? Events,
    string? Horizon,
    JsonObject? WebhookAnswers = null,
    IReadOnlyList<string>? FailingWebhooks = null);
