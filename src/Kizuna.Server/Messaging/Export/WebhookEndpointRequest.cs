namespace Kizuna.Server.Messaging.Export;

/// <summary>
/// An engagement webhook endpoint to create: <c>url</c> (absolute http or https), an optional <c>description</c>, and
/// <c>events</c>, the event names it takes (left out: every engagement event messaging records).
/// </summary>
public sealed record WebhookEndpointRequest(string? Url, string? Description = null, IReadOnlyList<string>? Events = null);
