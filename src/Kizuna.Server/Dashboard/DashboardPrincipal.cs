using System.Globalization;
using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// The cookie identity of a dashboard user acting in one workspace with the role they hold there, in one server-side
/// session (which signing out ends).
/// </summary>
public static class DashboardPrincipal
{
    public static ClaimsPrincipal Create(User user, Membership membership, string sessionId)
    {
        Claim[] claims =
        [
            new(KizunaClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(KizunaClaims.Session, sessionId),
            new(KizunaClaims.WorkspaceId, membership.Workspace.Id.ToString(CultureInfo.InvariantCulture)),
            new(KizunaClaims.Role, membership.Role.ToString()),
            .. Scopes.ForRole(membership.Role).Select(s => new Claim(KizunaClaims.Scope, s)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
