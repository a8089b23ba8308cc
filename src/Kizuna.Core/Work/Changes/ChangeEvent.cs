namespace Kizuna.Work.Changes;

/// <summary>An event of a change as it is stored now (a merge since may have moved it to another profile).</summary>
public sealed record ChangeEvent(
    long WorkspaceId,
    long ProfileId,
    Guid EventId,
    string MessageId,
    string Type,
    string? Name,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    string? PropertiesJson);
