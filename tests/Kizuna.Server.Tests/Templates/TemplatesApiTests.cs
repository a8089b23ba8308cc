using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Templates;

/// <summary>The editor's validate and preview endpoints on the real server, authorised by a secret key.</summary>
public sealed class TemplatesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_BrokenTemplate_ReturnsErrorsWithLineAndColumn()
    {
        await using var app = new KizunaApplication();
        using var client = await ClientAsync(app, Scopes.TemplatesRead);

        var response = await client.PostAsJsonAsync("/api/templates/validate", new ValidateTemplateRequest("Hi\n{{ customer.name "), Ct);
        var body = await response.Content.ReadFromJsonAsync<ValidateTemplateResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body!.Valid);
        Assert.Equal(2, Assert.Single(body.Errors).Line);
    }

    [Fact]
    public async Task Preview_GivenJsonData_RendersOutput()
    {
        await using var app = new KizunaApplication();
        using var client = await ClientAsync(app, Scopes.TemplatesRead);
        var data = JsonDocument.Parse("""{"customer":{"first_name":"花子"}}""").RootElement;

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest("{{ customer.first_name }}様", Data: data), Ct);
        var body = await response.Content.ReadFromJsonAsync<PreviewTemplateResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("花子様", body!.Output);
        Assert.Empty(body.Errors);
    }

    [Theory]
    [InlineData("""{"template":null}""", "template")]
    [InlineData("""{"template":"x","timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"template":"x","profileId":"1","data":{}}""", "profileId")]
    [InlineData("""{"template":"x","mode":"loose"}""", "mode")]
    [InlineData("""{"template":"x","profileId":12.5}""", "profileId")]
    [InlineData("""{"template":"x","profileId":true}""", "profileId")]
    public async Task Preview_InvalidRequest_Returns400NamingTheField(string json, string field)
    {
        await using var app = new KizunaApplication();
        using var client = await ClientAsync(app, Scopes.TemplatesRead);

        var response = await client.PostAsync("/api/templates/preview", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task Preview_WithoutTemplatesRead_Returns403()
    {
        await using var app = new KizunaApplication();
        using var client = await ClientAsync(app, Scopes.ProfilesRead);

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest("x"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Preview_ForACustomerWithoutProfilesRead_Returns403()
    {
        await using var app = new KizunaApplication();
        using var client = await ClientAsync(app, Scopes.TemplatesRead);

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest("{{ customer.email }}", ProfileId: "1"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpClient> ClientAsync(KizunaApplication app, params string[] scopes)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, scopes, Ct));
    }
}
