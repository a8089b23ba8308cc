using System.Security.Claims;
using System.Text.RegularExpressions;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Workspaces;

public static partial class WorkspacesApi
{
    /// <summary>
    /// Workspaces: <c>POST /api/workspaces</c> creates one (the calling user becomes its admin; a write key and an
    /// secret key for it with the caller's own scopes are returned once), <c>GET /api/workspaces</c> lists the caller's.
    /// </summary>
    public static IEndpointRouteBuilder MapWorkspacesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces").WithTags("Workspaces");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.WorkspacesManage);
        group.MapGet("/", ListAsync).RequireScope(Scopes.ProfilesRead);
        return routes;
    }

    private static async Task<Results<Created<CreatedWorkspaceResponse>, ValidationProblem, Conflict<string>>> CreateAsync(
        CreateWorkspaceRequest request, ClaimsPrincipal user, WorkspaceService workspaces, ApiKeyService keys, CancellationToken ct)
    {
        if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["slug"] = ["must be 2-40 characters of a-z, 0-9 and '-', starting with a letter"] });
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["is required, at most 100 characters"] });
        }

        if (await workspaces.FindBySlugAsync(request.Slug, ct) is not null)
        {
            return TypedResults.Conflict($"A workspace '{request.Slug}' already exists.");
        }

        var workspace = await workspaces.CreateAsync(request.Slug, request.Name.Trim(), ct);
        if (user.UserIdOf() is { } userId)
        {
            await workspaces.AddMemberAsync(workspace.Id, userId, Role.Admin, ct);
        }

        var writeKey = await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Default write key", [], ct);
        // The new workspace's key carries what the caller holds, no more: a narrow key must not mint a wide one.
        var secretKey = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Default admin key", [.. Scopes.All.Where(user.HasScope)], ct);
        return TypedResults.Created($"/api/workspaces/{workspace.Id}", new CreatedWorkspaceResponse(WorkspaceResponse.From(workspace), writeKey.Secret, secretKey.Secret));
    }

    private static async Task<Ok<List<WorkspaceResponse>>> ListAsync(ClaimsPrincipal user, WorkspaceService workspaces, CancellationToken ct)
    {
        if (user.UserIdOf() is { } userId)
        {
            return TypedResults.Ok((await workspaces.MembershipsAsync(userId, ct)).Select(m => WorkspaceResponse.From(m.Workspace)).ToList());
        }

        return TypedResults.Ok<List<WorkspaceResponse>>(await workspaces.FindAsync(user.WorkspaceIdOf(), ct) is { } own ? [WorkspaceResponse.From(own)] : []);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();

    /// <summary>A workspace to create.</summary>
    public sealed record CreateWorkspaceRequest(string? Slug, string? Name);

    /// <summary>The new workspace and its first keys, shown this once.</summary>
    public sealed record CreatedWorkspaceResponse(WorkspaceResponse Workspace, string WriteKey, string SecretKey);
}
