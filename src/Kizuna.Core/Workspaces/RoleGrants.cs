namespace Kizuna.Workspaces;

/// <summary>
/// The one rule for passing on rights: a key or user may grant (or take away) a role only when it holds every scope
/// that role implies (<see cref="Scopes.ForRole"/>), just as it may grant only the scopes it holds itself.
/// </summary>
public static class RoleGrants
{
    /// <summary>The first scope of <paramref name="role"/> the holder lacks, or null when it may grant the role.</summary>
    public static string? FirstMissing(IEnumerable<string> held, Role role)
    {
        var set = held as IReadOnlySet<string> ?? held.ToHashSet(StringComparer.Ordinal);
        return Scopes.ForRole(role).FirstOrDefault(s => !set.Contains(s));
    }

    public static bool MayGrant(IEnumerable<string> held, Role role) => FirstMissing(held, role) is null;

    /// <summary>The roles a holder of these scopes may grant, most powerful first.</summary>
    public static IReadOnlyList<Role> Grantable(IEnumerable<string> held)
    {
        var set = held.ToHashSet(StringComparer.Ordinal);
        return [.. Enum.GetValues<Role>().Where(r => MayGrant(set, r)).OrderDescending()];
    }
}
