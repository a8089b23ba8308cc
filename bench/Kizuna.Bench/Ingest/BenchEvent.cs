namespace Kizuna.Bench.Ingest;

/// <summary>One generated message: its Segment JSON for the HTTP phases and its row for the raw-insert baseline.</summary>
public sealed record BenchEvent(
    string MessageId,
    string Type,
    string? Name,
    string UserId,
    long Timestamp,
    string Json,
    string? PropertiesJson,
    string ContextJson);
