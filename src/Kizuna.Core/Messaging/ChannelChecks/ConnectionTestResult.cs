namespace Kizuna.Messaging.ChannelChecks;

/// <summary>
/// What a channel's connection test found: whether the server answered (and took the credentials), where it was
/// asked, what it said or why it failed, and the extensions it offers (SMTP's EHLO answer: STARTTLS, AUTH, SIZE, …).
/// </summary>
public sealed record ConnectionTestResult(bool Ok, string Host, int Port, string Security, string Detail, IReadOnlyList<string> Capabilities);
