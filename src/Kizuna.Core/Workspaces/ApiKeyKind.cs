namespace Kizuna.Workspaces;

/// <summary>Write keys only send data and are safe in a browser; secret keys reach the admin API by scope.</summary>
public enum ApiKeyKind
{
    Write,
    Secret,
}
