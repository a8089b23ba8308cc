namespace Kizuna.Workspaces;

/// <summary>What a dashboard user may do in a workspace; each role includes the ones below it.</summary>
public enum Role
{
    Viewer = 0,
    Agent = 1,
    Marketer = 2,
    Admin = 3,
}
