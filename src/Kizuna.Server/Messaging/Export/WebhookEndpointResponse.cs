using Kizuna.Messaging.Export;

namespace Kizuna.Server.Messaging.Export;

/// <summary>An engagement webhook endpoint; <c>events</c> is null when it takes every engagement event. Its secret is never shown again.</summary>
public sealed record WebhookEndpointResponse(long Id, string Url, string? Description, IReadOnlyList<string>? Events, DateTimeOffset CreatedAt)
{
    public static WebhookEndpointResponse From(WebhookEndpoint e) => new(e.Id, e.Url.OriginalString, e.Description, e.Events, e.CreatedAt);
}
