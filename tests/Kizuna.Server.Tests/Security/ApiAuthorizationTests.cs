using System.Net;
using Kizuna.Workspaces;

namespace Kizuna.Server.Security;

public sealed class ApiAuthorizationTests
{
    private static readonly Uri Profiles = new("/api/profiles", UriKind.Relative);

    [Fact]
    public async Task AdminApi_NoKey_Returns401()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();

        var response = await app.CreateClient().GetAsync(Profiles, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_WriteKeyAsBearer_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(ct);
        var writeKey = await app.CreateWriteKeyAsync(workspace.Id, ct);

        var response = await app.CreateAdminClient(writeKey).GetAsync(Profiles, ct);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task AdminApi_SecretKeyWithoutTheScope_Returns403()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(ct);
        var secretKey = await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead], ct);

        var response = await app.CreateAdminClient(secretKey).GetAsync(Profiles, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_SecretKeyWithTheScope_Returns200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(ct);
        var secretKey = await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead], ct);

        var response = await app.CreateAdminClient(secretKey).GetAsync(Profiles, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
