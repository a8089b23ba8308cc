namespace Kizuna.Workspaces;

/// <summary>An invitation to join a workspace with a role; pending until accepted, revoked or expired.</summary>
public sealed record Invitation(
    long Id,
    long WorkspaceId,
    string Email,
    Role Role,
    string InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RevokedAt);
