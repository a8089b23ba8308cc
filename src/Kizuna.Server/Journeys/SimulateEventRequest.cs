using System.Text.Json.Nodes;

namespace Kizuna.Server.Journeys;

/// <summary>A later event of the simulated customer, at a time (<see cref="At"/>, ISO 8601) or a duration after the start (<see cref="After"/>, e.g. <c>30m</c>).</summary>
public sealed record SimulateEventRequest(string? Name, JsonObject? Properties, string? At, string? After);
