using Kizuna.Workspaces;

namespace Kizuna.Server.Workspaces;

/// <summary>
/// A key as listed: kind <c>write</c> or <c>secret</c>, its first characters (the secret is shown once, at creation),
/// its scopes and when it was revoked, if it was.
/// </summary>
public sealed record ApiKeyResponse(
    long Id,
    long WorkspaceId,
    string Kind,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(
        key.Id, key.WorkspaceId, key.Kind.ToString().ToLowerInvariant(), key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.RevokedAt);
}
