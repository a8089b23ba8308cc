namespace Kizuna.Server;

/// <summary>What a <see cref="WebhookReceiver"/> answers: a status and, when given, a JSON body.</summary>
public sealed record WebhookReply(int Status, string? Json = null);
