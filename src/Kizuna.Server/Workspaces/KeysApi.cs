using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Workspaces;

public static class KeysApi
{
    /// <summary>API keys of the caller's workspace: create (the secret is shown once), list, revoke.</summary>
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/keys").WithTags("Keys").RequireScope(Scopes.KeysManage);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
            TypedResults.Ok((await keys.ListAsync(user.WorkspaceIdOf(), ct)).Select(ApiKeyResponse.From).ToList()));
        group.MapDelete("/{id}", RevokeAsync);
        return routes;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeAsync(long id, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        try
        {
            return await keys.RevokeAsync(user.WorkspaceIdOf(), id, user.ScopesOf(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (ScopeNotHeldException ex)
        {
            return Forbidden(ex);
        }
    }

    private static ProblemHttpResult Forbidden(ScopeNotHeldException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: ex.Message);

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest request, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        if (!EnumNames.TryParse<ApiKeyKind>(request.Kind, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["must be write or secret"] });
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ApiKeyService.MaxNameLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"is required, at most {ApiKeyService.MaxNameLength} characters"] });
        }

        var scopes = kind == ApiKeyKind.Write ? [] : request.Scopes ?? [];   // a write key only sends data
        if (scopes.Where(s => s is null || !Scopes.IsKnown(s)).Select(s => s ?? "null").FirstOrDefault() is { } unknown)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scopes"] = [$"'{unknown}' is not a scope; known: {string.Join(", ", Scopes.All)}"] });
        }

        try
        {
            var created = await keys.IssueAsync(user.WorkspaceIdOf(), kind, request.Name.Trim(), scopes, user.ScopesOf(), ct);
            return TypedResults.Created($"/api/keys/{created.Key.Id}", CreatedApiKeyResponse.From(created));
        }
        catch (ScopeNotHeldException ex)
        {
            return Forbidden(ex);
        }
    }

    /// <summary>A key to create: kind <c>write</c> or <c>secret</c>, and the scopes of a secret key.</summary>
    public sealed record CreateKeyRequest(string Kind, string Name, IReadOnlyList<string>? Scopes);
}
