using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// An open dashboard (a Blazor circuit lives as long as its tab) re-checks its sign-in every minute, so a removed
/// member's open tab stops showing workspace data without a reload.
/// </summary>
public sealed class DashboardAuthenticationStateProvider(DashboardSessionCheck check, ILoggerFactory loggers)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => DashboardSessionCheck.Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        check.IsCurrentAsync(authenticationState.User, cancellationToken);
}
