namespace Kizuna.Server.Messaging.Export;

/// <summary>How the endpoint answered a signed test event: delivered (a 2xx), its status, and why not when it was not.</summary>
public sealed record WebhookTestResponse(bool Delivered, int? Status, string? Error);
