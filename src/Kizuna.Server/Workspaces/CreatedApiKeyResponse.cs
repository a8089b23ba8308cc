using Kizuna.Workspaces;

namespace Kizuna.Server.Workspaces;

/// <summary>A key just created, with its secret: the only time the secret is shown.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret)
{
    public static CreatedApiKeyResponse From(CreatedApiKey created) => new(ApiKeyResponse.From(created.Key), created.Secret);
}
