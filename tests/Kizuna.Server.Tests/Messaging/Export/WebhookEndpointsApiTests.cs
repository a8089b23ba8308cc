using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Workspaces;

namespace Kizuna.Server.Messaging.Export;

/// <summary>The engagement webhook endpoints API through the real server, against a receiver on loopback that checks signatures.</summary>
public sealed class WebhookEndpointsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Endpoints_CreateListTestDelete_SecretShownOnceAndTheTestArrivesSigned(string engine)
    {
        await using var receiver = WebhookReceiver.Start();
        await using var app = new KizunaApplication(engine, new Dictionary<string, string?> { ["Messaging:Webhook:AllowPrivateNetworks"] = "true" });
        using var admin = await AdminAsync(app);

        var created = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url + "/engagement", events = new[] { "Email Opened" } }, Ct);
        var endpoint = (await created.Content.ReadFromJsonAsync<CreatedWebhookEndpointResponse>(Ct))!;
        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/webhook-endpoints", Ct))!;
        var tested = await admin.PostAsync($"/api/webhook-endpoints/{endpoint.Id}/test", null, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", endpoint.Secret, StringComparison.Ordinal);
        var shown = Assert.Single(listed)!.AsObject();
        Assert.Equal((endpoint.Id, "Email Opened", false), (shown["id"]!.GetValue<long>(), shown["events"]![0]!.GetValue<string>(), shown.ContainsKey("secret")));
        Assert.Equal(new WebhookTestResponse(true, 200, null), await tested.Content.ReadFromJsonAsync<WebhookTestResponse>(Ct));
        var request = Assert.Single(receiver.Requests);
        WebhookReceiver.Verify(request, endpoint.Secret);
        Assert.Equal("Webhook Endpoint Test", JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString());

        var deleted = await admin.DeleteAsync($"/api/webhook-endpoints/{endpoint.Id}", Ct);
        var again = await admin.DeleteAsync($"/api/webhook-endpoints/{endpoint.Id}", Ct);
        var testGone = await admin.PostAsync($"/api/webhook-endpoints/{endpoint.Id}/test", null, Ct);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode, testGone.StatusCode));
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/api/webhook-endpoints", Ct))!);
    }

    [Fact]
    public async Task Create_BadInput_NamesTheField()
    {
        await using var app = new KizunaApplication();
        using var admin = await AdminAsync(app);

        var fields = new List<string>();
        foreach (var body in new object[]
        {
            new { url = "ftp://example.com/hook" },
            new { url = "/relative" },
            new { url = "https://example.com/hook", events = Array.Empty<string>() },
            new { url = "https://example.com/hook", events = new[] { "Email Opened", " " } },
        })
        {
            var response = await admin.PostAsJsonAsync("/api/webhook-endpoints", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            fields.Add(Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject()).Key);
        }

        Assert.Equal(["url", "url", "events", "events[1]"], fields);
    }

    [Fact]
    public async Task Test_LoopbackEndpointTheWorkspaceMayNotReach_RefusedByTheGuard()
    {
        await using var receiver = WebhookReceiver.Start();
        await using var app = new KizunaApplication();
        using var admin = await AdminAsync(app);
        var created = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url + "/inside" }, Ct);
        var endpoint = (await created.Content.ReadFromJsonAsync<CreatedWebhookEndpointResponse>(Ct))!;

        var tested = (await (await admin.PostAsync($"/api/webhook-endpoints/{endpoint.Id}/test", null, Ct)).Content.ReadFromJsonAsync<WebhookTestResponse>(Ct))!;

        Assert.False(tested.Delivered);
        Assert.Contains("private or loopback", tested.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    private static async Task<HttpClient> AdminAsync(KizunaApplication app)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, Scopes.All, Ct));
    }
}
