namespace Kizuna.Ingestion;

/// <summary>An event as committed, handed to real-time consumers after its batch commits.</summary>
public sealed record StoredEvent(
    long WorkspaceId,
    long ProfileId,
    Guid EventId,
    MessageType Type,
    string? Name,
    DateTimeOffset Timestamp,
    string? PropertiesJson);
