using Kizuna.Messaging.Export;

namespace Kizuna.Server.Messaging.Export;

/// <summary>A new endpoint with its Standard Webhooks signing secret (<c>whsec_…</c>): shown in this answer only.</summary>
public sealed record CreatedWebhookEndpointResponse(long Id, string Url, string? Description, IReadOnlyList<string>? Events, DateTimeOffset CreatedAt, string Secret)
{
    public static CreatedWebhookEndpointResponse From(CreatedWebhookEndpoint created) => new(
        created.Endpoint.Id, created.Endpoint.Url.OriginalString, created.Endpoint.Description, created.Endpoint.Events, created.Endpoint.CreatedAt, created.Secret);
}
