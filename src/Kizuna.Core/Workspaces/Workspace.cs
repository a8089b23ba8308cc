namespace Kizuna.Workspaces;

/// <summary>A tenant: every customer, event, order and key belongs to exactly one workspace.</summary>
public sealed record Workspace(long Id, string Slug, string Name, DateTimeOffset CreatedAt);
