using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Workspaces;

public static class InvitationsApi
{

    /// <summary>
    /// Invitations to the caller's workspace: create one (the answer carries the link, once, and is the same whether
    /// or not the email has an account), list the pending ones, revoke one. Nobody becomes a member until they accept.
    /// </summary>
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/invitations").WithTags("Users").RequireScope(Scopes.UsersManage);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (ClaimsPrincipal caller, InvitationService invitations, CancellationToken ct) =>
            TypedResults.Ok((await invitations.ListPendingAsync(caller.WorkspaceIdOf(), ct)).Select(i => InvitationResponse.From(i, null)).ToList()));
        group.MapDelete("/{id}", RevokeAsync);
        return routes;
    }

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        InviteRequest request, ClaimsPrincipal caller, HttpContext http, InvitationService invitations, InvitationLinks links,
        IOptions<InvitationOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim();
        if (!EmailAddress.IsValid(email))
        {
            errors["email"] = ["must be an email address"];
        }

        if (!EnumNames.TryParse<Role>(request.Role, out var role))
        {
            errors["role"] = ["must be admin, marketer, agent or viewer"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (GrantChecks.RoleNotHeld(caller, role) is { } forbidden)
        {
            return forbidden;
        }

        var created = await invitations.CreateAsync(caller.WorkspaceIdOf(), email!, role, caller.Actor(), options.Value.Lifetime, ct);
        var link = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{InvitationLinks.PathFor(links.Token(created))}";
        return TypedResults.Created($"/api/invitations/{created.Invitation.Id}", InvitationResponse.From(created.Invitation, link));
    }

    // Revoking follows the granting rule: a narrower manager must not cancel the invitation of a wider role either.
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeAsync(
        long id, ClaimsPrincipal caller, InvitationService invitations, CancellationToken ct)
    {
        var workspaceId = caller.WorkspaceIdOf();
        if ((await invitations.ListPendingAsync(workspaceId, ct)).FirstOrDefault(i => i.Id == id) is not { } invitation)
        {
            return TypedResults.NotFound();
        }

        if (GrantChecks.RoleNotHeld(caller, invitation.Role) is { } forbidden)
        {
            return forbidden;
        }

        return await invitations.RevokeAsync(workspaceId, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Whom to invite, and with which role (admin, marketer, agent or viewer).</summary>
    public sealed record InviteRequest(string? Email, string? Role);

    /// <summary>An invitation; <c>link</c> is given once, when it is created, for the inviter to pass on.</summary>
    public sealed record InvitationResponse(long Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Link)
    {
        public static InvitationResponse From(Invitation invitation, string? link) =>
            new(invitation.Id, invitation.Email, invitation.Role.ToString().ToLowerInvariant(), invitation.CreatedAt, invitation.ExpiresAt, link);
    }
}
