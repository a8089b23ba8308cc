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
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
            await keys.RevokeAsync(user.WorkspaceIdOf(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        return routes;
    }

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

        var scopes = request.Scopes ?? [];
        if (scopes.FirstOrDefault(s => !Scopes.IsKnown(s)) is { } unknown)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scopes"] = [$"'{unknown}' is not a scope; known: {string.Join(", ", Scopes.All)}"] });
        }

        // A key can only pass on rights its creator holds: keys:manage alone must not mint an all-scope key.
        if (scopes.FirstOrDefault(s => !user.HasScope(s)) is { } notHeld)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The scope '{notHeld}' can only be granted by a key or user that holds it.");
        }

        var created = await keys.CreateAsync(user.WorkspaceIdOf(), kind, request.Name.Trim(), scopes, ct);
        return TypedResults.Created($"/api/keys/{created.Key.Id}", created);
    }

    /// <summary>A key to create: kind <c>write</c> or <c>secret</c>, and the scopes of a secret key.</summary>
    public sealed record CreateKeyRequest(string Kind, string Name, IReadOnlyList<string>? Scopes);
}
