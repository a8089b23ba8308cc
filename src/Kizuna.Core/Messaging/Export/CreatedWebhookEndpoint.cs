namespace Kizuna.Messaging.Export;

/// <summary>A new endpoint and its signing secret (<c>whsec_…</c>), which is shown this once.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret);
