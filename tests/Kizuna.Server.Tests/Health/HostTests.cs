using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Server.Health;

public sealed class HostTests
{
    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Health_FreshServer_Returns200(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication(engine);

        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();

        var document = await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", ct);

        Assert.NotNull(document?["openapi"]);
        Assert.NotNull(document["paths"]?["/health"]);
    }
}
