using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Workspaces;

public sealed class WorkspacesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateWorkspace_WithKey_ReturnsKeysThatReachOnlyTheNewWorkspace()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var homeClient = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.WorkspacesManage, Scopes.ProfilesRead], Ct));

        var created = await homeClient.PostAsJsonAsync("/api/workspaces", new { slug = "tokyo-store", name = "東京ストア" }, Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var ingest = await app.CreateWriteClient(body.GetProperty("writeKey").GetString()!)
            .PostAsJsonAsync("/v1/identify", new { userId = "only-in-tokyo", traits = new { name = "山田 花子" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        var inNew = await app.CreateAdminClient(body.GetProperty("secretKey").GetString()!).GetAsync(new Uri("/api/profiles/by-user/only-in-tokyo", UriKind.Relative), Ct);
        var inHome = await homeClient.GetAsync(new Uri("/api/profiles/by-user/only-in-tokyo", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, inNew.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inHome.StatusCode);
    }

    [Theory]
    [InlineData("Bad Slug", "x", "slug")]
    [InlineData("ok-slug", "", "name")]
    public async Task CreateWorkspace_InvalidField_Returns400NamingIt(string slug, string name, string field)
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.WorkspacesManage], Ct));

        var response = await client.PostAsJsonAsync("/api/workspaces", new { slug, name }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task CreateWorkspace_NarrowKey_NewSecretKeyCarriesOnlyTheCallersScopes()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.WorkspacesManage, Scopes.ProfilesRead], Ct));

        var created = await client.PostAsJsonAsync("/api/workspaces", new { slug = $"w{Guid.NewGuid():N}"[..20], name = "Second" }, Ct);

        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var newKey = app.CreateAdminClient(body.GetProperty("secretKey").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await newKey.GetAsync(new Uri("/api/profiles", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newKey.GetAsync(new Uri("/api/users", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newKey.GetAsync(new Uri("/api/keys", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task CreateKey_ScopesTheCallerDoesNotHold_Returns403()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.KeysManage, Scopes.ProfilesRead], Ct));

        var escalate = await client.PostAsJsonAsync("/api/keys", new { kind = "secret", name = "wider", scopes = new[] { Scopes.ProfilesRead, Scopes.UsersManage } }, Ct);
        var narrower = await client.PostAsJsonAsync("/api/keys", new { kind = "secret", name = "narrower", scopes = new[] { Scopes.ProfilesRead } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
        Assert.Contains(Scopes.UsersManage, (await escalate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, narrower.StatusCode);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("write, secret")]
    public async Task CreateKey_KindThatIsNotAName_Returns400(string kind)
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.KeysManage], Ct));

        var response = await client.PostAsJsonAsync("/api/keys", new { kind, name = "odd" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task RevokeKey_WithScopesTheCallerDoesNotHold_Returns403AndKeepsIt()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var admin = await app.Service<ApiKeyService>().CreateAsync(home.Id, ApiKeyKind.Secret, "admin", Scopes.All, Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.KeysManage], Ct));

        var response = await client.DeleteAsync(new Uri($"/api/keys/{admin.Key.Id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Assert.Single(await app.Service<ApiKeyService>().ListAsync(home.Id, Ct), k => k.Id == admin.Key.Id).RevokedAt);
    }

    [Fact]
    public async Task CreateKey_NullScope_Returns400()
    {
        await using var app = new KizunaApplication();
        var home = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(home.Id, [Scopes.KeysManage], Ct));

        var response = await client.PostAsync(new Uri("/api/keys", UriKind.Relative),
            new StringContent("""{"kind":"secret","name":"odd","scopes":[null]}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
