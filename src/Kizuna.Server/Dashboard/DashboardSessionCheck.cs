using System.Globalization;
using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// Whether a dashboard sign-in still stands. On every request: its server-side session has not been ended (signed
/// out), so a saved copy of the cookie is worthless after sign-out. At most once a minute per cookie and per open
/// dashboard: the user is still a member of the workspace the cookie names, with the role it names, so a user removed
/// from a workspace, or given another role, loses the old rights within a minute instead of when the cookie expires.
/// </summary>
public sealed class DashboardSessionCheck(WorkspaceService workspaces, SessionService sessions, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const string CheckedAt = "kizuna.checked";

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        await IsSessionActiveAsync(principal, ct) && await HoldsNamedRoleAsync(principal, ct);

    /// <summary>The cookie handler's hook (<see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>).</summary>
    public static Task OnValidatePrincipal(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<DashboardSessionCheck>().ValidateCookieAsync(context);

    /// <summary>Signs the user out when the sign-in no longer stands; otherwise notes when it was checked.</summary>
    public async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var ct = context.HttpContext.RequestAborted;
        if (context.Principal is not { } principal || !await IsSessionActiveAsync(principal, ct))
        {
            await RejectAsync(context);
            return;
        }

        var now = time.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var value)
            && long.TryParse(value, CultureInfo.InvariantCulture, out var checkedAt)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(checkedAt) < Interval)
        {
            return;
        }

        if (!await HoldsNamedRoleAsync(principal, ct))
        {
            await RejectAsync(context);
            return;
        }

        await sessions.TouchAsync(principal.FindFirstValue(KizunaClaims.Session)!, ct);
        context.Properties.Items[CheckedAt] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private async Task<bool> IsSessionActiveAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        principal.UserIdOf() is { } userId && principal.FindFirstValue(KizunaClaims.Session) is { } session
        && await sessions.IsActiveAsync(session, userId, ct);

    /// <summary>Whether the user is still a member of the cookie's workspace with the cookie's role (a user id is known).</summary>
    private async Task<bool> HoldsNamedRoleAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        principal.FindFirstValue(KizunaClaims.Role) is { } role
        && (await workspaces.FindMembershipAsync(principal.UserIdOf()!.Value, principal.WorkspaceIdOf(), ct))?.Role.ToString() == role;

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
