using System.Net;
using System.Net.Http.Json;
using Kizuna.Server.Templates;
using Kizuna.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;

namespace Kizuna.Server.Tests.Templates;

/// <summary>
/// The templates route group on a fresh in-memory host per test; Program.cs wires the group (with authorisation)
/// at merge time, so these tests map it themselves.
/// </summary>
public sealed class TemplatesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_BrokenTemplate_ReturnsErrorsWithLineAndColumn()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var response = await client.PostAsJsonAsync("/api/templates/validate", new ValidateTemplateRequest("Hi\n{{ customer.name "), Ct);
        var body = await response.Content.ReadFromJsonAsync<ValidateTemplateResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body!.Valid);
        Assert.Equal(2, Assert.Single(body.Errors).Line);
    }

    [Fact]
    public async Task Preview_GivenJsonData_RendersOutput()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        var data = System.Text.Json.JsonDocument.Parse("""{"customer":{"first_name":"花子"}}""").RootElement;

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest("{{ customer.first_name }}様", Data: data), Ct);
        var body = await response.Content.ReadFromJsonAsync<PreviewTemplateResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("花子様", body!.Output);
        Assert.Empty(body.Errors);
    }

    [Theory]
    [InlineData("""{"template":null}""", "template")]
    [InlineData("""{"template":"x","timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"template":"x","profileId":"p1"}""", "profileId")]
    public async Task Preview_InvalidRequest_Returns400NamingTheField(string json, string field)
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var response = await client.PostAsync("/api/templates/preview", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddKizunaTemplates(builder.Configuration);
        var app = builder.Build();
        app.MapTemplatesApi();
        await app.StartAsync(Ct);
        return app;
    }
}
