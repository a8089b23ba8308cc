using System.Security.Cryptography;
using Kizuna.Workspaces;

namespace Kizuna.Server.Cli;

/// <summary>
/// On an empty database: a first workspace, its first admin and a pair of keys, so the product is usable the
/// moment it starts. The password comes from <c>Setup:AdminPassword</c> or is generated and shown once.
/// </summary>
public sealed class FirstRunSetup(WorkspaceService workspaces, UserService users, ApiKeyService keys, IConfiguration configuration)
{
    public async Task<FirstRunResult?> EnsureAsync(CancellationToken ct)
    {
        if (await users.AnyAsync(ct))
        {
            return null;
        }

        var email = configuration["Setup:AdminEmail"] ?? "admin@kizuna.local";
        var password = configuration["Setup:AdminPassword"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'k');
        var workspace = await workspaces.FindBySlugAsync("default", ct)
            ?? await workspaces.CreateAsync("default", configuration["Setup:WorkspaceName"] ?? "Default", ct);
        var admin = await users.CreateAsync(email, "Administrator", password, ct);
        await workspaces.AddMemberAsync(workspace.Id, admin.Id, Role.Admin, ct);
        var writeKey = await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Default write key", [], ct);
        var secretKey = await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Default admin key", Scopes.All, ct);
        return new FirstRunResult(workspace, email, password, writeKey.Secret, secretKey.Secret);
    }
}
