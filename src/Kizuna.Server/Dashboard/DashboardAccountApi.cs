using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
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
        // A cast: a handler of only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        group.MapPost("/logout", (Delegate)LogoutAsync).AllowAnonymous();
        group.MapPost("/account/workspace", SwitchWorkspaceAsync).RequireAuthorization();
        group.MapGet("/account/culture", SetCulture).AllowAnonymous();
        return routes;
    }

    private static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] LoginForm form, HttpContext http, UserService users, WorkspaceService workspaces, ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger(typeof(DashboardAccountApi));
        var user = await users.VerifyAsync(form.Email ?? "", form.Password ?? "", ct);
        var memberships = user is null ? [] : await workspaces.MembershipsAsync(user.Id, ct);
        if (user is null || memberships.Count == 0)
        {
            // Neither the email nor the password is logged: both are personal data.
            log.LogInformation("Dashboard sign-in refused ({Reason})", user is null ? "credentials" : "no workspace");
            var error = user is null ? "credentials" : "workspace";
            return TypedResults.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(LocalOrRoot(form.ReturnUrl))}");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardPrincipal.Create(user, memberships[0]));
        log.LogInformation("User {UserId} signed in to workspace {WorkspaceId}", user.Id, memberships[0].Workspace.Id);
        return TypedResults.LocalRedirect(LocalOrRoot(form.ReturnUrl));
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext http)
    {
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

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardPrincipal.Create(user, membership));
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
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>The login form's fields.</summary>
    public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

    /// <summary>The workspace switcher's fields.</summary>
    public sealed record WorkspaceForm(long WorkspaceId, string? ReturnUrl);
}
