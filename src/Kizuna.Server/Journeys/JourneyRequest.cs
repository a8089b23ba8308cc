using System.Text.Json.Nodes;

namespace Kizuna.Server.Journeys;

/// <summary>A journey to save: its name and its definition (entry, re-entry, entry limit, exits, goal, start, nodes; see docs/journeys.md).</summary>
public sealed record JourneyRequest(string? Name, JsonObject? Definition);
