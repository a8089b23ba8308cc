using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Simulation;

/// <summary>
/// What an action node would do, rendered for the simulated customer and not done: a webhook node's request
/// (<see cref="Method"/>, <see cref="Url"/>, <see cref="Headers"/>, <see cref="Body"/>) and the answer the simulation
/// took for it, or an update-profile node's <see cref="Traits"/> (consent among them as identify carries it); or the
/// <see cref="Problem"/> that stops it.
/// </summary>
public sealed record SimulatedAction(
    string? Method, string? Url, IReadOnlyDictionary<string, string>? Headers, string? Body, JsonNode? Answer, JsonObject? Traits, string? Problem);
