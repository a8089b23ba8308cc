using System.Text.Json.Nodes;

namespace Kizuna.Segments.Evaluation;

/// <summary>One stored track event, loaded only for definitions that filter on its properties.</summary>
public sealed record TrackedEvent(long Ts, JsonObject? Properties);
