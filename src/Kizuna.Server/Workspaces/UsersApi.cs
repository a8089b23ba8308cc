using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Workspaces;

public static class UsersApi
{
    /// <summary>
    /// The members of the caller's workspace: list, change a role, remove. New members join by invitation
    /// (<see cref="InvitationsApi"/>). A role can be given or taken only by a caller holding all of its scopes, and a
    /// workspace always keeps one admin.
    /// </summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireScope(Scopes.UsersManage);
        group.MapGet("/", async (ClaimsPrincipal user, WorkspaceService workspaces, CancellationToken ct) =>
            TypedResults.Ok((await workspaces.MembersAsync(user.WorkspaceIdOf(), ct)).Select(MemberResponse.From).ToList()));
        group.MapPut("/{id}/role", ChangeRoleAsync);
        group.MapDelete("/{id}", RemoveAsync);
        return routes;
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        long id, RoleRequest request, ClaimsPrincipal caller, WorkspaceService workspaces, CancellationToken ct)
    {
        if (!EnumNames.TryParse<Role>(request.Role, out var role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["must be admin, marketer, agent or viewer"] });
        }

        var members = await workspaces.MembersAsync(caller.WorkspaceIdOf(), ct);
        if (members.FirstOrDefault(m => m.User.Id == id) is not { } member)
        {
            return TypedResults.NotFound();
        }

        if ((GrantChecks.RoleNotHeld(caller, member.Role) ?? GrantChecks.RoleNotHeld(caller, role)) is { } forbidden)
        {
            return forbidden;
        }

        if (role != Role.Admin && member.IsLastAdminOf(members))
        {
            return LastAdmin();
        }

        await workspaces.AddMemberAsync(caller.WorkspaceIdOf(), id, role, ct);
        return TypedResults.Ok(MemberResponse.From(member with { Role = role }));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        long id, ClaimsPrincipal caller, WorkspaceService workspaces, CancellationToken ct)
    {
        var members = await workspaces.MembersAsync(caller.WorkspaceIdOf(), ct);
        if (members.FirstOrDefault(m => m.User.Id == id) is not { } member)
        {
            return TypedResults.NotFound();
        }

        if (GrantChecks.RoleNotHeld(caller, member.Role) is { } forbidden)
        {
            return forbidden;
        }

        if (member.IsLastAdminOf(members))
        {
            return LastAdmin();
        }

        return await workspaces.RemoveMemberAsync(caller.WorkspaceIdOf(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static ProblemHttpResult LastAdmin() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
        detail: "This is the workspace's only admin; make another member admin first.");

    /// <summary>The role to give a member: admin, marketer, agent or viewer.</summary>
    public sealed record RoleRequest(string? Role);

    /// <summary>A member of the workspace.</summary>
    public sealed record MemberResponse(long Id, string Email, string Name, string Role)
    {
        public static MemberResponse From(Member member) =>
            new(member.User.Id, member.User.Email, member.User.Name, member.Role.ToString().ToLowerInvariant());
    }
}
