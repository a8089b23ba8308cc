namespace Kizuna.Workspaces;

/// <summary>A user of a workspace and their role in it.</summary>
public sealed record Member(User User, Role Role);
