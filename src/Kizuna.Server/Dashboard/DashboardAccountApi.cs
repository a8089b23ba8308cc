using System.Security.Claims;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Dashboard;

/// <summary>Sign-in, sign-out, workspace and language switches of the dashboard: form posts that answer with a redirect.</summary>
public static class DashboardAccountApi
{
    public static IEndpointRouteBuilder MapDashboardAccount(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").ExcludeFromDescription();
        group.MapPost("/account/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync).AllowAnonymous();
        group.MapPost("/account/workspace", SwitchWorkspaceAsync).RequireAuthorization();
        group.MapGet("/account/culture", SetCulture).AllowAnonymous();
        group.MapPost("/account/invitations/accept", InvitationAccount.AcceptAsync).AllowAnonymous();
        return routes;
    }

    private static async Task<Results<RedirectHttpResult, TooManyRequests>> LoginAsync(
        [FromForm] LoginForm form, HttpContext http, UserService users, WorkspaceService workspaces, SessionService sessions,
        SignInThrottle throttle, ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger(typeof(DashboardAccountApi));
        var email = form.Email ?? "";
        var address = http.ClientAddress();
        // Neither the email nor the password is logged, nor the address: labels (hash prefixes) tell attempts apart.
        if (throttle.RetryAfter(email, address) is { } wait)
        {
            log.LogWarning("Dashboard sign-in for account {Account} from {Address} held back {Seconds:F0} s after repeated failures",
                SignInThrottle.Label(email), SignInThrottle.Label(address), wait.TotalSeconds);
            return new TooManyRequests(wait);
        }

        var user = await users.VerifyAsync(email, form.Password ?? "", ct);
        if (user is null)
        {
            throttle.RecordFailure(email, address);
            log.LogWarning("Dashboard sign-in refused for account {Account} from {Address}: wrong email or password",
                SignInThrottle.Label(email), SignInThrottle.Label(address));
            return TypedResults.LocalRedirect($"/login?error=credentials&returnUrl={Uri.EscapeDataString(LocalOrRoot(form.ReturnUrl))}");
        }

        throttle.RecordSuccess(email);
        var memberships = await workspaces.MembershipsAsync(user.Id, ct);
        if (memberships.Count == 0)
        {
            log.LogInformation("Dashboard sign-in refused for user {UserId}: no workspace", user.Id);
            return TypedResults.LocalRedirect($"/login?error=workspace&returnUrl={Uri.EscapeDataString(LocalOrRoot(form.ReturnUrl))}");
        }

        await SignInAsync(http, user, memberships[0], await sessions.StartAsync(user.Id, ct));
        log.LogInformation("User {UserId} signed in to workspace {WorkspaceId}", user.Id, memberships[0].Workspace.Id);
        return TypedResults.LocalRedirect(LocalOrRoot(form.ReturnUrl));
    }

    /// <summary>Issues the dashboard cookie for one workspace in an existing server-side session.</summary>
    public static Task SignInAsync(HttpContext http, User user, Membership membership, string sessionId) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardPrincipal.Create(user, membership, sessionId));

    // Only a form of this site may sign its user out (the token), and signing out ends the server-side session, so
    // a copy of the cookie saved before stops working too.
    private static async Task<Results<RedirectHttpResult, BadRequest>> LogoutAsync(
        HttpContext http, IAntiforgery antiforgery, SessionService sessions, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        if (http.User.FindFirstValue(KizunaClaims.Session) is { } session)
        {
            await sessions.EndAsync(session, ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/login");
    }

    /// <summary>Re-issues the cookie for another workspace, only one the user is a member of.</summary>
    private static async Task<Results<RedirectHttpResult, ForbidHttpResult>> SwitchWorkspaceAsync(
        [FromForm] WorkspaceForm form, HttpContext http, UserService users, WorkspaceService workspaces, CancellationToken ct)
    {
        var user = http.User.UserIdOf() is { } userId ? await users.FindAsync(userId, ct) : null;
        var membership = user is null ? null : await workspaces.FindMembershipAsync(user.Id, form.WorkspaceId, ct);
        if (user is null || membership is null)
        {
            return TypedResults.Forbid();
        }

        await SignInAsync(http, user, membership, http.User.FindFirstValue(KizunaClaims.Session)!);
        return TypedResults.LocalRedirect(LocalOrRoot(form.ReturnUrl));
    }

    private static RedirectHttpResult SetCulture(string? culture, string? returnUrl, HttpContext http)
    {
        if (DashboardCultures.IsSupported(culture))
        {
            CultureCookie.Append(http.Response, culture!);
        }

        return TypedResults.LocalRedirect(LocalOrRoot(returnUrl));
    }

    // Only paths of this site: an open redirect after sign-in is a phishing tool.
    public static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>The login form's fields.</summary>
    public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

    /// <summary>The workspace switcher's fields.</summary>
    public sealed record WorkspaceForm(long WorkspaceId, string? ReturnUrl);
}
