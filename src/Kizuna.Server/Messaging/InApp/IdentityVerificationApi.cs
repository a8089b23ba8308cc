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
    /// <summary>How long a replaced secret's hashes are accepted when the caller does not say: a day to deploy the new one.</summary>
    public const int DefaultKeepPreviousHours = 24;

    /// <summary>The longest overlap a rotation may ask for: a week.</summary>
    public const int MaxKeepPreviousHours = 168;

    public static IEndpointRouteBuilder MapIdentityVerificationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messaging/identity-verification").WithTags("Messages").RequireScope(Scopes.MessagingManage);
        group.MapGet("/", GetAsync).WithName("GetIdentityVerificationSecret");
        group.MapPost("/rotate", RotateAsync).WithName("RotateIdentityVerificationSecret");
        return routes;
    }

    internal static async Task<Ok<IdentityVerificationResponse>> GetAsync(ClaimsPrincipal user, IdentitySecrets secrets, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(IdentityVerificationResponse.Of(await secrets.GetOrCreateAsync(user.WorkspaceIdOf(), ct), time.GetUtcNow()));

    /// <summary><c>keepPreviousHours</c>: how long hashes made with the replaced secret stay valid (0 refuses them at once, for a leaked secret).</summary>
    internal static async Task<Results<Ok<IdentityVerificationResponse>, ValidationProblem>> RotateAsync(
        ClaimsPrincipal user, IdentitySecrets secrets, TimeProvider time, CancellationToken ct, int keepPreviousHours = DefaultKeepPreviousHours)
    {
        if (keepPreviousHours is < 0 or > MaxKeepPreviousHours)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["keepPreviousHours"] = [$"Must be between 0 and {MaxKeepPreviousHours} hours."],
            });
        }

        var rotated = await secrets.RotateAsync(user.WorkspaceIdOf(), TimeSpan.FromHours(keepPreviousHours), ct);
        return TypedResults.Ok(IdentityVerificationResponse.Of(rotated, time.GetUtcNow()));
    }
}
