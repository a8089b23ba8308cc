using System.Globalization;
using System.Security.Claims;

namespace Kizuna.Server.Security;

/// <summary>The claims Kizuna puts on a principal, whether it came from a key or a signed-in user.</summary>
public static class KizunaClaims
{
    public const string WorkspaceId = "kizuna:workspace";
    public const string Scope = "scope";
    public const string Role = ClaimTypes.Role;
    public const string UserId = ClaimTypes.NameIdentifier;

    /// <summary>The server-side session a dashboard cookie belongs to (<see cref="Kizuna.Workspaces.SessionService"/>).</summary>
    public const string Session = "kizuna:session";

    /// <summary>The workspace a request acts in.</summary>
    public static long WorkspaceIdOf(this ClaimsPrincipal principal) =>
        long.Parse(principal.FindFirstValue(WorkspaceId) ?? throw new InvalidOperationException("The principal carries no workspace."), CultureInfo.InvariantCulture);

    /// <summary>The dashboard user behind the request, or null for an API key.</summary>
    public static long? UserIdOf(this ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName
            && long.TryParse(principal.FindFirstValue(UserId), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Whether the key or the user's role carries <paramref name="scope"/>.</summary>
    public static bool HasScope(this ClaimsPrincipal principal, string scope) => principal.HasClaim(Scope, scope);

    /// <summary>Every scope the key or the user's role carries.</summary>
    public static IReadOnlySet<string> ScopesOf(this ClaimsPrincipal principal) =>
        principal.FindAll(Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
