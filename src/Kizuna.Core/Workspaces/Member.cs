namespace Kizuna.Workspaces;

/// <summary>A user of a workspace and their role in it.</summary>
public sealed record Member(User User, Role Role)
{
    /// <summary>
    /// Whether this member is the only admin among <paramref name="members"/>: a workspace always keeps one, so such a
    /// member is neither removed nor given another role.
    /// </summary>
    public bool IsLastAdminOf(IEnumerable<Member> members) => Role == Role.Admin && members.Count(m => m.Role == Role.Admin) == 1;
}
