using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Profiles;

/// <summary>Amounts, currencies and accounts as the tracking and admin APIs take and answer them, on both engines.</summary>
public sealed class MoneyApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Orders_AmountsBinaryCannotHold_AreAnsweredExactly(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app);
        await SendAsync(write, "/v1/batch", """
            {"batch":[
              {"type":"track","userId":"u-m","event":"Order Completed","timestamp":"2026-11-01T09:00:00Z",
               "properties":{"order_id":"o-1","currency":"USD","products":[{"price":10802.39,"quantity":1}]}},
              {"type":"track","userId":"u-m","event":"Order Completed","timestamp":"2026-11-01T09:01:00Z",
               "properties":{"order_id":"o-2","currency":"USD","products":[{"price":0.1,"quantity":1},{"price":0.2,"quantity":1}]}},
              {"type":"track","userId":"u-m","event":"Order Completed","timestamp":"2026-11-01T09:02:00Z",
               "properties":{"order_id":"o-3","currency":"USD","total":158.7}}
            ]}
            """);
        await SendAsync(write, "/v1/track", """{"userId":"u-m","event":"Order Refunded","timestamp":"2026-11-01T09:03:00Z","properties":{"order_id":"o-3","total":0.3}}""");
        var id = (await GetJsonAsync(admin, "/api/profiles/by-user/u-m")).GetProperty("id").GetInt64();

        var orders = await GetTextAsync(admin, $"/api/profiles/{id}/orders");
        var profile = await GetTextAsync(admin, $"/api/profiles/{id}");

        Assert.Contains("\"total\":10802.39,", orders, StringComparison.Ordinal);
        Assert.Contains("\"total\":0.3,", orders, StringComparison.Ordinal);
        Assert.Matches("\"netTotal\":158\\.4[,}]", orders);
        Assert.Contains("\"totalSpent\":10961.09,", profile, StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"USD\"", profile, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Profiles_CustomersInUsdAndJpy_AreEachListedInTheirOwnCurrency(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app);
        await SendAsync(write, "/v1/batch", """
            {"batch":[
              {"type":"track","userId":"u-usd","event":"Order Completed","timestamp":"2026-11-01T09:00:00Z","properties":{"order_id":"o-1","currency":"usd","total":59.50}},
              {"type":"track","userId":"u-usd","event":"Order Completed","timestamp":"2026-11-01T09:01:00Z","properties":{"order_id":"o-2","currency":"JPY","total":3000}},
              {"type":"track","userId":"u-usd","event":"Order Completed","timestamp":"2026-11-01T09:02:00Z","properties":{"order_id":"o-3","currency":"USD","total":20}},
              {"type":"track","userId":"u-jpy","event":"Order Completed","timestamp":"2026-11-01T10:00:00Z","properties":{"order_id":"o-4","currency":"JPY","total":1200}}
            ]}
            """);

        var items = (await GetJsonAsync(admin, "/api/profiles")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("userId").GetString()!, p => (p.GetProperty("totalSpent").GetDecimal(), p.GetProperty("currency").GetString()));
        var usd = await GetJsonAsync(admin, "/api/profiles/by-user/u-usd");

        Assert.Equal((79.5m, "USD"), items["u-usd"]);
        Assert.Equal((1200m, "JPY"), items["u-jpy"]);
        Assert.Equal(
            [("USD", 2L, 79.5m), ("JPY", 1L, 3000m)],
            usd.GetProperty("aggregates").GetProperty("spend").EnumerateArray()
                .Select(s => (s.GetProperty("currency").GetString(), s.GetProperty("orders").GetInt64(), s.GetProperty("totalSpent").GetDecimal())));
        Assert.Equal(39.75m, usd.GetProperty("aggregates").GetProperty("averageOrderValue").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Batch_OrderCompletedWithoutOrderId_StoresTheEventAndWarns(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app);

        var answer = await SendAsync(write, "/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"u-w","messageId":"m-0","traits":{"name":"Kai"}},
              {"type":"track","userId":"u-w","messageId":"m-1","event":"Order Completed","properties":{"total":25,"currency":"EUR"}}
            ]}
            """);

        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal(2, answer.GetProperty("stored").GetInt32());
        var warning = Assert.Single(answer.GetProperty("warnings").EnumerateArray());
        Assert.Equal((1, "m-1", "properties.order_id"), (warning.GetProperty("index").GetInt32(), warning.GetProperty("messageId").GetString(), warning.GetProperty("field").GetString()));
        var id = (await GetJsonAsync(admin, "/api/profiles/by-user/u-w")).GetProperty("id").GetInt64();
        Assert.Contains((await GetJsonAsync(admin, $"/api/profiles/{id}/events")).EnumerateArray(), e => e.GetProperty("name").GetString() == "Order Completed");
        Assert.Empty((await GetJsonAsync(admin, $"/api/profiles/{id}/orders")).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Group_Call_ShowsTheAccountOnTheProfile(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app);

        await SendAsync(write, "/v1/group", """{"userId":"u-g","groupId":"acme-1","traits":{"name":"Acme","plan":"enterprise"}}""");
        var refused = await write.PostAsync(new Uri("/v1/group", UriKind.Relative), new StringContent("""{"userId":"u-g","traits":{}}""", Encoding.UTF8, "application/json"), Ct);

        var profile = await GetJsonAsync(admin, "/api/profiles/by-user/u-g");
        var account = Assert.Single(profile.GetProperty("accounts").EnumerateArray());
        Assert.Equal(("acme-1", "Acme"), (account.GetProperty("groupId").GetString(), account.GetProperty("traits").GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("groupId", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<(HttpClient Write, HttpClient Admin)> ClientsAsync(KizunaApplication app)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return (app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct)),
                app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead], Ct)));
    }

    private static async Task<JsonElement> SendAsync(HttpClient write, string path, string json)
    {
        var response = await write.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await GetTextAsync(client, path)).RootElement;
}
