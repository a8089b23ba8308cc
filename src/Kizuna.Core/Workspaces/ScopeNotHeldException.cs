namespace Kizuna.Workspaces;

/// <summary>A scope that a key or user tried to grant or revoke without holding it.</summary>
public sealed class ScopeNotHeldException(string scope)
    : Exception($"The scope '{scope}' can only be granted or revoked by a key or user that holds it.")
{
    public string Scope { get; } = scope;
}
