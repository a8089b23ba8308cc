using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Workspaces;

/// <summary>Nobody grants a role or scope they do not hold: through keys (see WorkspacesApiTests), invitations or role changes.</summary>
public sealed class GrantRulesTests
{
    private static readonly string[] ViewerScopes = [.. Scopes.ForRole(Role.Viewer)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("admin")]
    [InlineData("marketer")]
    [InlineData("viewer")]
    public async Task Invite_UsersManageKeyAlone_CannotGrantAnyRole(string role)
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.UsersManage], Ct));

        var response = await client.PostAsJsonAsync("/api/invitations", new { email = "someone@example.test", role }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"'{role}'", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.Service<InvitationService>().ListPendingAsync(home.Id, Ct));
    }

    [Fact]
    public async Task Invite_KeyHoldingViewerScopes_GrantsViewerButNotMarketer()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.UsersManage, .. ViewerScopes], Ct));

        var viewer = await client.PostAsJsonAsync("/api/invitations", new { email = "viewer@example.test", role = "viewer" }, Ct);
        var marketer = await client.PostAsJsonAsync("/api/invitations", new { email = "marketer@example.test", role = "marketer" }, Ct);

        Assert.Equal(HttpStatusCode.Created, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, marketer.StatusCode);
    }

    [Fact]
    public async Task ChangeRole_ToOrFromARoleTheCallerLacks_Returns403AndKeepsTheRole()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var viewer = await MemberAsync(app, home.Id, Role.Viewer);
        var admin = await MemberAsync(app, home.Id, Role.Admin);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.UsersManage, .. ViewerScopes], Ct));

        var promote = await client.PutAsJsonAsync($"/api/users/{viewer.Id}/role", new { role = "admin" }, Ct);
        var demote = await client.PutAsJsonAsync($"/api/users/{admin.Id}/role", new { role = "viewer" }, Ct);
        var remove = await client.DeleteAsync(new Uri($"/api/users/{admin.Id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        var members = await app.Service<WorkspaceService>().MembersAsync(home.Id, Ct);
        Assert.Equal(Role.Viewer, members.Single(m => m.User.Id == viewer.Id).Role);
        Assert.Equal(Role.Admin, members.Single(m => m.User.Id == admin.Id).Role);
    }

    [Fact]
    public async Task ChangeRole_CallerHoldingBothRoles_ChangesIt()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var agent = await MemberAsync(app, home.Id, Role.Agent);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, Scopes.All, Ct));

        var response = await client.PutAsJsonAsync($"/api/users/{agent.Id}/role", new { role = "marketer" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("marketer", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("role").GetString());
        Assert.Equal(Role.Marketer, (await app.Service<WorkspaceService>().FindMembershipAsync(agent.Id, home.Id, Ct))?.Role);
    }

    [Fact]
    public async Task RemoveOrDemote_TheOnlyAdmin_Returns409()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var admin = await MemberAsync(app, home.Id, Role.Admin);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, Scopes.All, Ct));

        var demote = await client.PutAsJsonAsync($"/api/users/{admin.Id}/role", new { role = "viewer" }, Ct);
        var remove = await client.DeleteAsync(new Uri($"/api/users/{admin.Id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
    }

    [Fact]
    public async Task ChangeRole_UnknownRole_Returns400NamingIt()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var agent = await MemberAsync(app, home.Id, Role.Agent);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, Scopes.All, Ct));

        var response = await client.PutAsJsonAsync($"/api/users/{agent.Id}/role", new { role = "owner" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("role", out _));
    }

    private static async Task<User> MemberAsync(KizunaApplication app, long workspaceId, Role role)
    {
        var user = await app.Service<UserService>().CreateAsync($"{Guid.NewGuid():N}@example.test", role.ToString(), "a-long-Passw0rd", Ct);
        await app.Service<WorkspaceService>().AddMemberAsync(workspaceId, user.Id, role, Ct);
        return user;
    }
}
