using Kizuna.Messaging;
using Kizuna.Messaging.Channels.InApp;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// The client API a customer's site or app calls as that customer (<see cref="ClientAuthentication"/>): their pending
/// in-app messages, their content-card feed, impressions, clicks and dismissals (idempotent), and a live stream of new
/// items. Open to every origin (CORS), as a page on the customer's own site calls it. A customer only ever sees
/// their own items: another's is answered 404, like one that does not exist.
/// </summary>
public static class InAppClientApi
{
    public const string CorsPolicy = "in-app-client";

    public static IServiceCollection AddKizunaInAppClientApi(this IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        services.AddSingleton<ClientAuthentication>();
        services.AddSingleton<InAppStream>();
        services.AddSingleton<DemoSite>();
        return services;
    }

    public static IEndpointRouteBuilder MapInAppClientApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/client/v1").WithTags("In-app client").RequireCors(CorsPolicy).AllowAnonymous();
        group.MapGet("/in-app", (HttpContext http, ClientAuthentication auth, InAppStore store, TimeProvider time, CancellationToken ct) =>
            ListAsync(http, MessageChannel.InApp, auth, store, time, ct)).WithName("ListInAppMessages");
        group.MapGet("/cards", (HttpContext http, ClientAuthentication auth, InAppStore store, TimeProvider time, CancellationToken ct) =>
            ListAsync(http, MessageChannel.ContentCard, auth, store, time, ct)).WithName("ListContentCards");
        group.MapPost("/items/{id:long}/impression", (long id, HttpContext http, ClientAuthentication auth, InAppEngagement engagement, CancellationToken ct) =>
            RecordAsync(id, InAppAction.Seen, null, http, auth, engagement, ct)).WithName("RecordInAppImpression");
        group.MapPost("/items/{id:long}/click", (long id, int? button, HttpContext http, ClientAuthentication auth, InAppEngagement engagement, CancellationToken ct) =>
            RecordAsync(id, InAppAction.Clicked, button, http, auth, engagement, ct)).WithName("RecordInAppClick");
        group.MapPost("/items/{id:long}/dismiss", (long id, HttpContext http, ClientAuthentication auth, InAppEngagement engagement, CancellationToken ct) =>
            RecordAsync(id, InAppAction.Dismissed, null, http, auth, engagement, ct)).WithName("RecordInAppDismissal");
        group.MapGet("/stream", StreamAsync).WithName("InAppStream").ExcludeFromDescription();
        routes.MapGet("/sdk/kizuna-messages.js", Snippet.Serve).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    internal static async Task<Results<Ok<IReadOnlyList<InAppItemResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, MessageChannel channel, ClientAuthentication auth, InAppStore store, TimeProvider time, CancellationToken ct)
    {
        var (identity, refusal) = await auth.AuthenticateAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok<IReadOnlyList<InAppItemResponse>>(identity!.ProfileId is { } profileId
            ? [.. (await store.ListAsync(identity.WorkspaceId, profileId, channel, time.GetUtcNow(), ct)).Select(InAppItemResponse.From)]
            : []);
    }

    internal static async Task<Results<Ok<InAppItemResponse>, ProblemHttpResult, ValidationProblem, NotFound>> RecordAsync(
        long id, InAppAction action, int? button, HttpContext http, ClientAuthentication auth, InAppEngagement engagement, CancellationToken ct)
    {
        var (identity, refusal) = await auth.AuthenticateAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (button is < 0 or >= Kizuna.Messaging.Content.InAppContent.MaxButtons)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["button"] = [$"button is 0 to {Kizuna.Messaging.Content.InAppContent.MaxButtons - 1}."] });
        }

        return identity!.ProfileId is { } profileId && await engagement.RecordAsync(identity.WorkspaceId, profileId, id, action, button, ct) is { } item
            ? TypedResults.Ok(InAppItemResponse.From(item))
            : TypedResults.NotFound();
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(HttpContext http, ClientAuthentication auth, InAppStream stream, CancellationToken ct)
    {
        var (identity, refusal) = await auth.AuthenticateAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        await stream.RunAsync(http, identity!, ct);
        return TypedResults.Empty;
    }
}
