using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Simulation;

/// <summary>A track event the simulated customer performs at <see cref="At"/>.</summary>
public sealed record SimulatedEvent(string Name, JsonObject? Properties, DateTimeOffset At);
