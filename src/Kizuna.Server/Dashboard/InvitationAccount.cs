using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Server.Workspaces;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// Accepting an invitation from its link: as the signed-in user whose email it names, with that account's password,
/// or by creating the account with a password. Password checks share the sign-in backoff. The invited person then
/// lands in the workspace, signed in.
/// </summary>
public static class InvitationAccount
{
    private const int MinPassword = 12;
    private const int MaxPassword = 1024;
    private const int MaxName = 200;

    public static async Task<Results<RedirectHttpResult, TooManyRequests>> AcceptAsync(
        [FromForm] AcceptForm form, HttpContext http, InvitationLinks links, InvitationService invitations, UserService users,
        WorkspaceService workspaces, SessionService sessions, SignInThrottle throttle, ILoggerFactory loggers, CancellationToken ct)
    {
        var log = loggers.CreateLogger(typeof(InvitationAccount));
        RedirectHttpResult Back(string error) => TypedResults.LocalRedirect($"{InvitationLinks.PathFor(form.Token ?? "")}&error={error}");
        if (links.Read(form.Token) is not { } link || await invitations.FindPendingAsync(link.Id, link.Secret, ct) is not { } invitation)
        {
            return Back("invalid");
        }

        User? user;
        var session = http.User.FindFirstValue(KizunaClaims.Session);
        switch (form.Action)
        {
            case "accept":
                user = http.User.UserIdOf() is { } signedIn ? await users.FindAsync(signedIn, ct) : null;
                if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
                {
                    return Back("other-user");
                }

                break;
            case "signin":
                var address = http.ClientAddress();
                if (throttle.RetryAfter(invitation.Email, address) is { } wait)
                {
                    return new TooManyRequests(wait);
                }

                user = await users.VerifyAsync(invitation.Email, form.Password ?? "", ct);
                if (user is null)
                {
                    throttle.RecordFailure(invitation.Email, address);
                    log.LogWarning("Invitation {InvitationId} not accepted from {Address}: wrong password", invitation.Id, SignInThrottle.Label(address));
                    return Back("credentials");
                }

                throttle.RecordSuccess(invitation.Email);
                session = null;
                break;
            case "create":
                if (form.Password is not { Length: >= MinPassword and <= MaxPassword } password)
                {
                    return Back("password");
                }

                if (await users.FindByEmailAsync(invitation.Email, ct) is not null)
                {
                    return Back("exists");
                }

                var name = string.IsNullOrWhiteSpace(form.Name) ? invitation.Email : form.Name.Trim()[..Math.Min(MaxName, form.Name.Trim().Length)];
                user = await users.CreateAsync(invitation.Email, name, password, ct);
                session = null;
                break;
            default:
                return Back("invalid");
        }

        if (await invitations.AcceptAsync(link.Id, link.Secret, user.Id, ct) is not { } accepted
            || await workspaces.FindMembershipAsync(user.Id, accepted.WorkspaceId, ct) is not { } membership)
        {
            return Back("invalid");
        }

        await DashboardAccountApi.SignInAsync(http, user, membership, session ?? await sessions.StartAsync(user.Id, ct));
        log.LogInformation("User {UserId} accepted invitation {InvitationId} to workspace {WorkspaceId}", user.Id, accepted.Id, accepted.WorkspaceId);
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>
    /// The accept forms' fields: the link's token, <c>accept</c>, <c>signin</c> or <c>create</c>, and a password and
    /// name as needed (settable properties: form binding requires every constructor parameter to be posted).
    /// </summary>
    public sealed class AcceptForm
    {
        public string? Token { get; set; }

        public string? Action { get; set; }

        public string? Password { get; set; }

        public string? Name { get; set; }
    }
}
