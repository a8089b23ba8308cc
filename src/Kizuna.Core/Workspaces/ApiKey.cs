namespace Kizuna.Workspaces;

/// <summary>A key as listed: the secret itself is never stored, only its hash and first characters.</summary>
public sealed record ApiKey(
    long Id,
    long WorkspaceId,
    ApiKeyKind Kind,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
