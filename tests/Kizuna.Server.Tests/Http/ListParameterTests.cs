using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;

namespace Kizuna.Server.Http;

/// <summary>Paging values out of range and ids that are not numbers are the caller's mistake: 400 naming the parameter, never a 200 or a 404.</summary>
public sealed class ListParameterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Method, string Url, string Parameter)[] Requests =
    [
        ("GET", "/api/profiles?offset=-5", "offset"),
        ("GET", "/api/profiles?limit=0", "limit"),
        ("GET", "/api/profiles?limit=501", "limit"),
        ("GET", "/api/products?offset=-5", "offset"),
        ("GET", "/api/products?limit=0", "limit"),
        ("GET", "/api/imports?limit=0", "limit"),
        ("GET", "/api/imports?limit=201", "limit"),
        ("GET", "/api/profiles/1/events?limit=-1", "limit"),
        ("GET", "/api/profiles/abc", "id"),
        ("GET", "/api/profiles/abc/events", "id"),
        ("GET", "/api/profiles/abc/orders", "id"),
        ("GET", "/api/profiles/abc/export", "id"),
        ("DELETE", "/api/profiles/abc", "id"),
        ("GET", "/api/imports/abc", "id"),
        ("DELETE", "/api/keys/abc", "id"),
        ("DELETE", "/api/users/abc", "id"),
        ("GET", "/api/templates/abc", "id"),
        ("GET", "/api/templates/abc/versions", "id"),
        ("GET", "/api/templates/1/versions/first", "version"),
    ];

    [Fact]
    public async Task Requests_ParameterOutOfRangeOrNotANumber_Return400NamingIt()
    {
        await using var app = new KizunaApplication();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateSecretKeyAsync(workspace.Id, Scopes.All, Ct));
        var wrong = new List<string>();

        foreach (var (method, url, parameter) in Requests)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)), Ct);

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var named = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _)
                || (problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains($" {parameter}\"", StringComparison.Ordinal));
            if (response.StatusCode != HttpStatusCode.BadRequest || !named)
            {
                wrong.Add($"{method} {url}: {(int)response.StatusCode} {problem}");
            }
        }

        Assert.Empty(wrong);
    }
}
