using System.Net;
using System.Net.Http.Json;
using Kizuna.Profiles;
using Kizuna.Workspaces;

namespace Kizuna.Server.Ingestion;

/// <summary>Tracking calls take write keys; a secret key sends them only with the scope that says it may.</summary>
public sealed class IngestionKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Identify_SecretKeyWithoutEventsWrite_Returns403AndWritesNothing(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProductsRead], Ct));

        var response = await client.PostAsJsonAsync("/v1/identify", new { userId = "key-1", traits = new { plan = "gold" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Scopes.EventsWrite, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await app.Service<ProfileService>().FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "key-1"), Ct));
    }

    [Fact]
    public async Task Batch_SecretKeyWithEventsWriteInTheBody_IsStored()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var secret = await app.CreateSecretKeyAsync(workspace.Id, [Scopes.EventsWrite], Ct);

        var response = await app.CreateClient().PostAsJsonAsync("/v1/batch", new { writeKey = secret, batch = new[] { new { type = "track", userId = "key-2", @event = "Synced" } } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
