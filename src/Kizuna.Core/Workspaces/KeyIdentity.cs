namespace Kizuna.Workspaces;

/// <summary>Who a presented key belongs to and what it may do.</summary>
public sealed record KeyIdentity(long KeyId, long WorkspaceId, ApiKeyKind Kind, IReadOnlySet<string> Scopes);
