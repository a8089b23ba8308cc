namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// One recipient's part of a report that came back by email: a permanent delivery failure (RFC 3464) or a spam
/// complaint (RFC 5965), for the message whose <c>Message-ID</c> it quotes. <see cref="Status"/> is the enhanced
/// status code of a failure (<c>5.1.1</c>), or the feedback type of a complaint (<c>abuse</c>).
/// </summary>
public sealed record BounceReport(BounceReportKind Kind, string Recipient, string OriginalMessageId, string Status);
