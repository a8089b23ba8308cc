namespace Kizuna.Workspaces;

/// <summary>
/// The one rule for passing on rights: a key or user may grant (or take away) only the scopes it holds itself, and
/// so a role only when it holds every scope that role implies (<see cref="Scopes.ForRole"/>). API keys
/// (<see cref="ApiKeyService.IssueAsync"/>) and roles (members, invitations) are both held to it here.
/// </summary>
public static class RoleGrants
{
    /// <summary>The first of <paramref name="granted"/> the holder lacks, or null when it may grant (or revoke) them all.</summary>
    public static string? FirstMissing(IEnumerable<string> held, IEnumerable<string> granted)
    {
        var set = held as IReadOnlySet<string> ?? held.ToHashSet(StringComparer.Ordinal);
        return granted.FirstOrDefault(s => !set.Contains(s));
    }

    /// <summary>The first scope of <paramref name="role"/> the holder lacks, or null when it may grant the role.</summary>
    public static string? FirstMissing(IEnumerable<string> held, Role role) => FirstMissing(held, Scopes.ForRole(role));

    public static bool MayGrant(IEnumerable<string> held, Role role) => FirstMissing(held, role) is null;

    /// <summary>Whether the holder may grant (or revoke) every one of <paramref name="granted"/>, as a key's scopes.</summary>
    public static bool MayGrant(IEnumerable<string> held, IEnumerable<string> granted) => FirstMissing(held, granted) is null;

    /// <summary>The roles a holder of these scopes may grant, most powerful first.</summary>
    public static IReadOnlyList<Role> Grantable(IEnumerable<string> held)
    {
        var set = held.ToHashSet(StringComparer.Ordinal);
        return [.. Enum.GetValues<Role>().Where(r => MayGrant(set, r)).OrderDescending()];
    }
}
