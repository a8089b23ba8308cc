namespace Kizuna.Workspaces;

public sealed class RoleGrantsTests
{
    [Fact]
    public void Grantable_EachRolesOwnScopes_AreThatRoleAndTheOnesBelowIt()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Equal(Enum.GetValues<Role>().Where(r => r <= role).OrderDescending(), RoleGrants.Grantable(Scopes.ForRole(role)));
        }
    }

    [Fact]
    public void FirstMissing_UsersManageAlone_NamesAScopeOfEveryRole()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var missing = RoleGrants.FirstMissing([Scopes.UsersManage], role);
            Assert.NotNull(missing);
            Assert.Contains(missing, Scopes.ForRole(role));
        }
    }

    [Fact]
    public void MayGrant_KeyScopes_OnlyWhenEveryOneIsHeld()
    {
        string[] held = [Scopes.KeysManage, Scopes.ProfilesRead];

        Assert.True(RoleGrants.MayGrant(held, [Scopes.ProfilesRead]));
        Assert.True(RoleGrants.MayGrant(held, []));
        Assert.False(RoleGrants.MayGrant(held, [Scopes.ProfilesRead, Scopes.ProfilesDelete]));
        Assert.Equal(Scopes.ProfilesDelete, RoleGrants.FirstMissing(held, [Scopes.ProfilesRead, Scopes.ProfilesDelete]));
    }
}
