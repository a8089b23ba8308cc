namespace Kizuna.Workspaces;

/// <summary>A dashboard user. The password hash stays in the store.</summary>
public sealed record User(long Id, string Email, string Name, DateTimeOffset CreatedAt);
