using System.Text.Json.Nodes;

namespace Kizuna.Server.Journeys;

/// <summary>
/// What an action node would do, not done: a webhook's method, URL, headers and body with the answer the simulation
/// took; an update's traits (consent as identify carries it: <c>email_subscribe</c>, <c>subscription_groups</c>); or the problem that stops it.
/// </summary>
public sealed record SimulatedActionResponse(
    string? Method, string? Url, IReadOnlyDictionary<string, string>? Headers, string? Body, JsonNode? Answer, JsonObject? Traits, string? Problem);
