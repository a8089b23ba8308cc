using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Workspaces;

public sealed class InvitationsTests
{
    private const string Password = "a-long-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Invite_ExistingAndNewEmail_AnswerAlikeAndAddNobody(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var home = await app.CreateWorkspaceAsync(Ct);
        var elsewhere = await app.CreateWorkspaceAsync(Ct);
        var existing = await app.Service<UserService>().CreateAsync("existing@example.test", "Existing Person", Password, Ct);
        await app.Service<WorkspaceService>().AddMemberAsync(elsewhere.Id, existing.Id, Role.Admin, Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, Scopes.All, Ct));

        var known = await client.PostAsJsonAsync("/api/invitations", new { email = "existing@example.test", role = "marketer" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/invitations", new { email = "nobody@example.test", role = "marketer" }, Ct);

        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);
        var knownBody = await known.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var unknownBody = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(Names(unknownBody), Names(knownBody));
        Assert.DoesNotContain("Existing Person", knownBody.GetRawText(), StringComparison.Ordinal);
        Assert.False(knownBody.TryGetProperty("name", out _));
        Assert.DoesNotContain(await app.Service<WorkspaceService>().MembershipsAsync(existing.Id, Ct), m => m.Workspace.Id == home.Id);
        Assert.Equal(["existing@example.test", "nobody@example.test"],
            (await app.Service<InvitationService>().ListPendingAsync(home.Id, Ct)).Select(i => i.Email));
    }

    [Theory]
    [InlineData("not-an-email", "viewer", "email")]
    [InlineData("a@example.test", "owner", "role")]
    public async Task Invite_BadField_Returns400NamingIt(string email, string role, string field)
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, Scopes.All, Ct));

        var response = await client.PostAsJsonAsync("/api/invitations", new { email, role }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Accept_NewPerson_CreatesTheAccountJoinsAndIsSignedIn(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var home = await app.CreateWorkspaceAsync(Ct);
        var link = await InviteAsync(app, home.Id, "new.person@example.test", "agent");
        var browser = DashboardForms.Browser(app);

        var accepted = await DashboardForms.PostAsync(browser, link, "/account/invitations/accept",
            new() { ["token"] = Token(link), ["action"] = "create", ["name"] = "新しい 人", ["password"] = Password });

        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        var user = await app.Service<UserService>().VerifyAsync("new.person@example.test", Password, Ct);
        Assert.NotNull(user);
        Assert.Equal(Role.Agent, (await app.Service<WorkspaceService>().FindMembershipAsync(user.Id, home.Id, Ct))?.Role);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/profiles", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Accept_ExistingAccountWithItsPassword_JoinsOnce()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var existing = await app.Service<UserService>().CreateAsync("existing@example.test", "Existing", Password, Ct);
        var link = await InviteAsync(app, home.Id, "Existing@Example.test", "viewer");
        var browser = DashboardForms.Browser(app);

        var wrong = await DashboardForms.PostAsync(browser, link, "/account/invitations/accept",
            new() { ["token"] = Token(link), ["action"] = "signin", ["password"] = "not-the-password" });
        var right = await DashboardForms.PostAsync(browser, link, "/account/invitations/accept",
            new() { ["token"] = Token(link), ["action"] = "signin", ["password"] = Password });
        var again = await DashboardForms.PostAsync(DashboardForms.Browser(app), "/login", "/account/invitations/accept",
            new() { ["token"] = Token(link), ["action"] = "signin", ["password"] = Password });

        Assert.EndsWith("&error=credentials", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.EndsWith("&error=invalid", again.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(Role.Viewer, (await app.Service<WorkspaceService>().FindMembershipAsync(existing.Id, home.Id, Ct))?.Role);
    }

    [Fact]
    public async Task Accept_AfterExpiryOrRevocationOrTampering_IsRefused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await host.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(workspace.Id, ApiKeyKind.Secret, "admin", Scopes.All, Ct)).Secret);
        var expiring = await InviteAsync(client, "late@example.test");
        var revoked = await InviteAsync(client, "revoked@example.test");
        var revokedId = (await host.Services.GetRequiredService<InvitationService>().ListPendingAsync(workspace.Id, Ct)).Single(i => i.Email == "revoked@example.test").Id;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/invitations/{revokedId}", UriKind.Relative), Ct)).StatusCode);

        var browser = DashboardForms.Browser(host);
        Assert.Contains("id=\"invitation-summary\"", await browser.GetStringAsync(new Uri(expiring, UriKind.Relative), Ct), StringComparison.Ordinal);
        await AssertRefusedAsync(browser, revoked);
        await AssertRefusedAsync(browser, expiring[..^4] + "AAAA");
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await AssertRefusedAsync(browser, expiring);

        Assert.Null(await host.Services.GetRequiredService<UserService>().FindByEmailAsync("late@example.test", Ct));
    }

    [Fact]
    public async Task Accept_SignedInAsSomeoneElse_IsRefused()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var link = await InviteAsync(app, home.Id, "invited@example.test", "admin");
        var admin = await DashboardForms.SignedInAsync(app);

        var page = await admin.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        var post = await DashboardForms.PostAsync(admin, "/", "/account/invitations/accept", new() { ["token"] = Token(link), ["action"] = "accept" });

        Assert.Contains("id=\"signed-in-as-other\"", page, StringComparison.Ordinal);
        Assert.EndsWith("&error=other-user", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Single(await app.Service<InvitationService>().ListPendingAsync(home.Id, Ct));
    }

    private static async Task AssertRefusedAsync(HttpClient browser, string link)
    {
        var page = await browser.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        var post = await DashboardForms.PostAsync(browser, "/login", "/account/invitations/accept",
            new() { ["token"] = Token(link), ["action"] = "create", ["password"] = Password });
        Assert.Contains("id=\"invitation-invalid\"", page, StringComparison.Ordinal);
        Assert.EndsWith("&error=invalid", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<string> InviteAsync(KizunaApplication app, long workspaceId, string email, string role)
    {
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspaceId, Scopes.All, Ct));
        var response = await client.PostAsJsonAsync("/api/invitations", new { email, role }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("link").GetString()!).PathAndQuery;
    }

    private static async Task<string> InviteAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/invitations", new { email, role = "viewer" }, Ct);
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("link").GetString()!).PathAndQuery;
    }

    private static string Token(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private static string[] Names(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name)];
}
