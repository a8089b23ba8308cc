using System.Security.Claims;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Workspaces;

public static class KeysApi
{
    private const int MaxNameLength = 200;

    /// <summary>API keys of the caller's workspace: create (the secret is shown once), list, revoke.</summary>
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/keys").WithTags("Keys").RequireScope(Scopes.KeysManage);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(user.WorkspaceIdOf(), ct)));
        group.MapDelete("/{id}", RevokeAsync);
        return routes;
    }

    // Revoking is held to the same rule as granting: a narrow key must not switch off the keys above it.
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeAsync(long id, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if ((await keys.ListAsync(workspaceId, ct)).FirstOrDefault(k => k.Id == id) is not { } key)
        {
            return TypedResults.NotFound();
        }

        if (NotHeld(key.Scopes, user) is { } problem)
        {
            return problem;
        }

        return await keys.RevokeAsync(workspaceId, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>A key can only pass on, or take away, rights its caller holds: keys:manage alone must not mint or revoke an all-scope key.</summary>
    private static ProblemHttpResult? NotHeld(IEnumerable<string> scopes, ClaimsPrincipal user) =>
        scopes.FirstOrDefault(s => !user.HasScope(s)) is { } notHeld
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The scope '{notHeld}' can only be granted or revoked by a key or user that holds it.")
            : null;

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest request, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        if (!EnumNames.TryParse<ApiKeyKind>(request.Kind, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["must be write or secret"] });
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxNameLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"is required, at most {MaxNameLength} characters"] });
        }

        var scopes = kind == ApiKeyKind.Write ? [] : request.Scopes ?? [];   // a write key only sends data
        if (scopes.Where(s => s is null || !Scopes.IsKnown(s)).Select(s => s ?? "null").FirstOrDefault() is { } unknown)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scopes"] = [$"'{unknown}' is not a scope; known: {string.Join(", ", Scopes.All)}"] });
        }

        if (NotHeld(scopes, user) is { } problem)
        {
            return problem;
        }

        var created = await keys.CreateAsync(user.WorkspaceIdOf(), kind, request.Name.Trim(), scopes, ct);
        return TypedResults.Created($"/api/keys/{created.Key.Id}", created);
    }

    /// <summary>A key to create: kind <c>write</c> or <c>secret</c>, and the scopes of a secret key.</summary>
    public sealed record CreateKeyRequest(string Kind, string Name, IReadOnlyList<string>? Scopes);
}
