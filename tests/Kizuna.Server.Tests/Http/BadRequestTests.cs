using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kizuna.Server.Http;

/// <summary>
/// Requests the framework cannot bind answer 400 with problem details that say what to change, in every environment
/// (in Development the developer exception page shows only other exceptions).
/// </summary>
public sealed class BadRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task QueryValueOfTheWrongType_Returns400NamingTheParameter(string environment)
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var client = await AdminClientAsync(app, production);

        var response = await client.GetAsync(new Uri("/api/profiles?limit=many", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"productId":"p-1","name":"Tea","price":"cheap"}]""", "[0].price", "has the wrong type or shape for this field")]
    [InlineData("""{"products":[]}""", "body", "has the wrong type or shape for this field")]
    [InlineData("""[{"productId":"p-1","name":"Te\u0000a"}]""", "[0].name", "must not hold a NUL character (\\u0000)")]
    public async Task BodyOfTheWrongShape_Returns400NamingTheField(string body, string field, string reason)
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = await AdminClientAsync(app, production);

        var response = await client.PutAsync(new Uri("/api/products", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(reason, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task MissingBody_Returns400NamingTheBody()
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = await AdminClientAsync(app, production);

        var response = await client.PutAsync(new Uri("/api/products", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("is required: send the request as JSON", errors.GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task MalformedJsonBody_Returns400WithTheParserReason()
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = await AdminClientAsync(app, production);

        var response = await client.PutAsync(new Uri("/api/products", UriKind.Relative), new StringContent("[{\"productId\":", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var (field, reasons) = Assert.Single(errors.EnumerateObject().Select(p => (p.Name, p.Value)));
        Assert.Equal("[0].productId", field);
        Assert.DoesNotContain("LineNumber", reasons[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginFormWithoutAValidAntiforgeryToken_GoesBackToTheFormSayingItExpired()
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@kizuna.local",
            ["Password"] = KizunaApplication.AdminPassword,
            ["__RequestVerificationToken"] = "from-a-tab-left-open",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?error=expired", response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpClient> AdminClientAsync(KizunaApplication app, WebApplicationFactory<Program> server)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead, Scopes.ProductsWrite], Ct));
        return client;
    }
}
