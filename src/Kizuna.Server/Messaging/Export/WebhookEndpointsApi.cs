using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging.Export;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.Export;

/// <summary>
/// The workspace's engagement webhook endpoints: every engagement event (or the names an endpoint lists) is posted to
/// each, signed by the Standard Webhooks scheme with the endpoint's secret, shown once when it is created. Create,
/// list, delete, and send a signed test event; all need <c>messaging:manage</c>.
/// </summary>
public static class WebhookEndpointsApi
{
    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("/api/webhook-endpoints").WithTags("Engagement export").RequireScope(Scopes.MessagingManage);
        endpoints.MapGet("/", ListAsync).WithName("ListWebhookEndpoints");
        endpoints.MapPost("/", CreateAsync).WithName("CreateWebhookEndpoint");
        endpoints.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhookEndpoint");
        endpoints.MapPost("/{id}/test", TestAsync).WithName("TestWebhookEndpoint");
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<WebhookEndpointResponse>>> ListAsync(ClaimsPrincipal user, WebhookEndpointStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WebhookEndpointResponse>>([.. (await store.ListAsync(user.WorkspaceIdOf(), ct)).Select(WebhookEndpointResponse.From)]);

    internal static async Task<Results<Created<CreatedWebhookEndpointResponse>, ValidationProblem>> CreateAsync(
        WebhookEndpointRequest request, ClaimsPrincipal user, WebhookEndpointStore store, CancellationToken ct)
    {
        var draft = new WebhookEndpointDraft(request.Url?.Trim(), request.Description, request.Events);
        if (draft.Check() is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Message] });
        }

        var created = await store.CreateAsync(user.WorkspaceIdOf(), draft, ct);
        return TypedResults.Created($"/api/webhook-endpoints/{created.Endpoint.Id.ToString(CultureInfo.InvariantCulture)}", CreatedWebhookEndpointResponse.From(created));
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, ClaimsPrincipal user, WebhookEndpointStore store, CancellationToken ct) =>
        await store.DeleteAsync(user.WorkspaceIdOf(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Posts a signed test event (type <c>Webhook Endpoint Test</c>, no customer data) and answers how the endpoint took it.</summary>
    internal static async Task<Results<Ok<WebhookTestResponse>, NotFound>> TestAsync(
        long id, ClaimsPrincipal user, WebhookEndpointStore store, WebhookExportSender sender, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await store.FindAsync(workspaceId, id, ct) is not { } endpoint || await store.SignerAsync(workspaceId, id, ct) is not { } signer)
        {
            return TypedResults.NotFound();
        }

        var attempt = await sender.SendAsync(workspaceId, endpoint.Url, $"test_{Guid.CreateVersion7(time.GetUtcNow()):N}", ExportBody.Test(id, time.GetUtcNow()), signer, ct);
        return TypedResults.Ok(new WebhookTestResponse(attempt.Delivered, attempt.Status, attempt.Error));
    }
}
