namespace Kizuna.Messaging.Channels;

/// <summary>
/// How one message fared at the channel: accepted, refused for now (tried again after a backoff: a 4xx reply, a
/// dropped connection) or refused for good (a 5xx reply: unknown mailbox, rejected content).
/// </summary>
public sealed record SendResult(SendStatus Status, string? Detail = null);
