using Kizuna.Workspaces;

namespace Kizuna.Server.Workspaces;

/// <summary>A workspace as the admin API returns it.</summary>
public sealed record WorkspaceResponse(long Id, string Slug, string Name, DateTimeOffset CreatedAt)
{
    public static WorkspaceResponse From(Workspace workspace) => new(workspace.Id, workspace.Slug, workspace.Name, workspace.CreatedAt);
}
