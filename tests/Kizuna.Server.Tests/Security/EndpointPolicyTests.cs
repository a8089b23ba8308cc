using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Kizuna.Server.Security;

public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task AdminApi_EveryEndpoint_RequiresAScope()
    {
        await using var app = new KizunaApplication();
        _ = app.CreateClient();

        var api = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .ToList();
        var unscoped = api
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith("scope:", StringComparison.Ordinal) == true)
                || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(api.Count > 20, $"only {api.Count} admin endpoints were found");
        Assert.Empty(unscoped);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/login")]
    public async Task PublicPages_WithoutCredentials_Answer200(string path)
    {
        await using var app = new KizunaApplication();

        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
