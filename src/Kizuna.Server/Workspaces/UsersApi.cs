using System.Net.Mail;
using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Workspaces;

public static class UsersApi
{
    /// <summary>The dashboard users of the caller's workspace: list, add (a new user or an existing one) with a role, remove.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireScope(Scopes.UsersManage);
        group.MapGet("/", async (ClaimsPrincipal user, WorkspaceService workspaces, CancellationToken ct) =>
            TypedResults.Ok((await workspaces.MembersAsync(user.WorkspaceIdOf(), ct)).Select(MemberResponse.From).ToList()));
        group.MapPost("/", AddAsync);
        group.MapDelete("/{id}", async Task<Results<NoContent, NotFound>> (long id, ClaimsPrincipal user, WorkspaceService workspaces, CancellationToken ct) =>
            await workspaces.RemoveMemberAsync(user.WorkspaceIdOf(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        return routes;
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem>> AddAsync(
        AddUserRequest request, ClaimsPrincipal caller, UserService users, WorkspaceService workspaces, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Email is null || !MailAddress.TryCreate(request.Email, out _))
        {
            errors["email"] = ["must be an email address"];
        }

        if (!EnumNames.TryParse<Role>(request.Role, out var role))
        {
            errors["role"] = ["must be admin, marketer, agent or viewer"];
        }

        var existing = request.Email is null ? null : await users.FindByEmailAsync(request.Email, ct);
        if (existing is null && (request.Password is null || request.Password.Length < 12))
        {
            errors["password"] = ["a new user needs a password of at least 12 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = existing ?? await users.CreateAsync(request.Email!.Trim(), string.IsNullOrWhiteSpace(request.Name) ? request.Email!.Trim() : request.Name.Trim(), request.Password!, ct);
        await workspaces.AddMemberAsync(caller.WorkspaceIdOf(), user.Id, role, ct);
        return TypedResults.Created($"/api/users/{user.Id}", MemberResponse.From(new Member(user, role)));
    }

    /// <summary>A user to add to the workspace; the password is needed only for a new user.</summary>
    public sealed record AddUserRequest(string? Email, string? Name, string? Password, string? Role);

    /// <summary>A member of the workspace.</summary>
    public sealed record MemberResponse(long Id, string Email, string Name, string Role)
    {
        public static MemberResponse From(Member member) =>
            new(member.User.Id, member.User.Email, member.User.Name, member.Role.ToString().ToLowerInvariant());
    }
}
