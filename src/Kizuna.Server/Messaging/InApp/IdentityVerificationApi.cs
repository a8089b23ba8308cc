using System.Security.Claims;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// The workspace's identity-verification secret for the in-app client API: shown (made on first request) and rotated.
/// Both need <c>messaging:manage</c>: whoever holds the secret can act as any customer in the client API.
/// </summary>
public static class IdentityVerificationApi
{
    public static IEndpointRouteBuilder MapIdentityVerificationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messaging/identity-verification").WithTags("Messages").RequireScope(Scopes.MessagingManage);
        group.MapGet("/", GetAsync).WithName("GetIdentityVerificationSecret");
        group.MapPost("/rotate", RotateAsync).WithName("RotateIdentityVerificationSecret");
        return routes;
    }

    internal static async Task<Ok<IdentityVerificationResponse>> GetAsync(ClaimsPrincipal user, IdentitySecrets secrets, CancellationToken ct) =>
        TypedResults.Ok(IdentityVerificationResponse.Of(await secrets.GetOrCreateAsync(user.WorkspaceIdOf(), ct)));

    internal static async Task<Ok<IdentityVerificationResponse>> RotateAsync(ClaimsPrincipal user, IdentitySecrets secrets, CancellationToken ct) =>
        TypedResults.Ok(IdentityVerificationResponse.Of(await secrets.RotateAsync(user.WorkspaceIdOf(), ct)));
}
