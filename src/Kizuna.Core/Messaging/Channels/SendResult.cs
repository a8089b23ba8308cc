namespace Kizuna.Messaging.Channels;

/// <summary>
/// How one message fared at the channel: accepted, refused for now (tried again after a backoff: a 4xx reply, a
/// dropped connection) or refused for good (a 5xx reply: unknown mailbox, rejected content). A permanent refusal of the
/// recipient or of the message by the receiving server is a hard bounce: <paramref name="BounceCode"/> holds its reply
/// code, and the address goes on the suppression list.
/// </summary>
public sealed record SendResult(SendStatus Status, string? Detail = null, int? BounceCode = null);
