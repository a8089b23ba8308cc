namespace Kizuna.Messaging.Channels.Email.Catcher;

/// <summary>A message the catcher received: the envelope, when, and the message as it arrived (MIME text).</summary>
public sealed record CaughtMessage(long Sequence, DateTimeOffset ReceivedAt, string? MailFrom, IReadOnlyList<string> RcptTo, string? MessageId, byte[] Raw);
