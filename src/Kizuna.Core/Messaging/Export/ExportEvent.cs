namespace Kizuna.Messaging.Export;

/// <summary>An exported event as it is stored now, with the user id of the profile that holds it.</summary>
public sealed record ExportEvent(
    Guid EventId, long ProfileId, string? UserId, string MessageId, string Name, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt, string? PropertiesJson);
