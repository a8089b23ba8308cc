using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Http;

/// <summary>Requests the framework cannot bind answer 400 with problem details that say what to change.</summary>
public sealed class BadRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryValueOfTheWrongType_Returns400NamingTheParameter()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app);

        var response = await client.GetAsync(new Uri("/api/profiles?limit=many", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"productId":"p-1","name":"Tea","price":"cheap"}]""", "[0].price", "has the wrong type or shape for this field")]
    [InlineData("""{"products":[]}""", "body", "has the wrong type or shape for this field")]
    public async Task BodyOfTheWrongShape_Returns400NamingTheField(string body, string field, string reason)
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app);

        var response = await client.PutAsync(new Uri("/api/products", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(reason, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task MalformedJsonBody_Returns400WithTheParserReason()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app);

        var response = await client.PutAsync(new Uri("/api/products", UriKind.Relative), new StringContent("[{\"productId\":", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var (field, reasons) = Assert.Single(errors.EnumerateObject().Select(p => (p.Name, p.Value)));
        Assert.Equal("[0].productId", field);
        Assert.DoesNotContain("LineNumber", reasons[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> AdminClientAsync(KizunaApplication app)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead, Scopes.ProductsWrite], Ct));
    }
}
