using System.Globalization;
using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// Whether a dashboard sign-in still stands: the user is still a member of the workspace the cookie names, with the
/// role it names. Checked at most once a minute per cookie and per open dashboard, so a user removed from a
/// workspace, or given another role, loses the old rights within a minute instead of when the cookie expires.
/// </summary>
public sealed class DashboardSessionCheck(WorkspaceService workspaces, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const string CheckedAt = "kizuna.checked";

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.UserIdOf() is not { } userId || principal.FindFirstValue(KizunaClaims.Role) is not { } role)
        {
            return false;
        }

        var workspaceId = principal.WorkspaceIdOf();
        return (await workspaces.FindMembershipAsync(userId, workspaceId, ct))?.Role.ToString() == role;
    }

    /// <summary>The cookie handler's hook (<see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>).</summary>
    public static Task OnValidatePrincipal(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<DashboardSessionCheck>().ValidateCookieAsync(context);

    /// <summary>Signs the user out when the sign-in no longer stands; otherwise notes when it was checked.</summary>
    public async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var now = time.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var value)
            && long.TryParse(value, CultureInfo.InvariantCulture, out var checkedAt)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(checkedAt) < Interval)
        {
            return;
        }

        if (context.Principal is null || !await IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
