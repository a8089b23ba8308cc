using System.Security.Claims;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Security;

/// <summary>The 403 answers of <see cref="RoleGrants"/>: a caller may hand out or take away only a role it could hold.</summary>
public static class GrantChecks
{
    /// <summary>Null when the caller holds every scope of <paramref name="role"/>; otherwise the 403 that names one it lacks.</summary>
    public static ProblemHttpResult? RoleNotHeld(ClaimsPrincipal caller, Role role) =>
        RoleGrants.FirstMissing(caller.ScopesOf(), role) is { } missing
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The role '{role.ToString().ToLowerInvariant()}' includes the scope '{missing}', which this key or user does not hold; only a holder of every scope of a role can grant it or take it away.")
            : null;

    /// <summary>Who acted, as stored beside what they did: <c>user:12</c> or <c>key:34</c>.</summary>
    public static string Actor(this ClaimsPrincipal principal) =>
        principal.UserIdOf() is { } userId ? $"user:{userId}" : principal.Identity?.Name ?? "unknown";
}
