namespace Kizuna.Workspaces;

/// <summary>A user's role in one workspace.</summary>
public sealed record Membership(Workspace Workspace, Role Role);
