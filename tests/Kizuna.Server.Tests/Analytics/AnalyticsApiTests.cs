using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Analytics.Baskets;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Workspaces;

namespace Kizuna.Server.Analytics;

public sealed class AnalyticsApiTests
{
    private static readonly DateTimeOffset Day = new(2011, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Commerce_CustomRange_AnswersJsonWithThePeriodBefore(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var client = await ShopAsync(app);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/analytics/commerce?from=2011-06-01&to=2011-06-30", Ct);

        Assert.Equal(("2011-06-01", "2011-05-02"), (body.GetProperty("period").GetProperty("from").GetString(), body.GetProperty("previousPeriod").GetProperty("from").GetString()));
        var current = body.GetProperty("current");
        Assert.Equal((1300m, 3L, 2L, "GBP"), (current.GetProperty("revenue").GetDecimal(), current.GetProperty("orders").GetInt64(), current.GetProperty("customers").GetInt64(), current.GetProperty("currency").GetString()));
        Assert.Equal(0.5, current.GetProperty("repeatPurchaseRate").GetDouble());
        Assert.Equal(1L, body.GetProperty("previous").GetProperty("orders").GetInt64());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Baskets_StandardViewAfterTheRefresh_AnswersTheStoredRulesWithTheirTime(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (client, workspaceId) = await ShopWithWorkspaceAsync(app);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/analytics/baskets?preset=30d", Ct);
        var computedAt = DateTimeOffset.FromUnixTimeMilliseconds(app.Service<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds());
        await app.Service<BasketRefresher>().RefreshAsync(workspaceId, computedAt, Ct);

        var stored = await client.GetFromJsonAsync<JsonElement>("/api/analytics/baskets?preset=30d", Ct);
        var other = await client.GetFromJsonAsync<JsonElement>("/api/analytics/baskets?preset=30d&minSupport=0.5", Ct);

        Assert.Equal(JsonValueKind.Null, before.GetProperty("computedAt").ValueKind);
        Assert.Equal(computedAt, stored.GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("computedAt").ValueKind);
        Assert.Equal(("2011-05-20", "2011-06-18"), (stored.GetProperty("period").GetProperty("from").GetString(), stored.GetProperty("period").GetProperty("to").GetString()));
        Assert.Equal(3, stored.GetProperty("baskets").GetInt64());
        foreach (var field in new[] { "period", "baskets", "totalRules", "rules", "itemsets", "productNames" })
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), stored.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task Endpoints_FormatCsvOrAcceptHeader_AnswerCsv()
    {
        await using var app = new KizunaApplication();
        var client = await ShopAsync(app);

        var byFormat = await client.GetAsync("/api/analytics/commerce?from=2011-06-01&to=2011-06-30&format=csv", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analytics/baskets?preset=all&minSupport=0.5");
        request.Headers.Accept.ParseAdd("text/csv");
        var byAccept = await client.SendAsync(request, Ct);

        Assert.Equal("text/csv", byFormat.Content.Headers.ContentType?.MediaType);
        var lines = (await byFormat.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("metric,current,previous,period,previous_period", lines[0]);
        Assert.Equal("revenue,1300,250,2011-06-01/2011-06-30,2011-05-02/2011-05-31", lines[2]);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("antecedent,consequent,baskets,support,confidence,lift", (await byAccept.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/analytics/commerce?preset=fortnight", "preset")]
    [InlineData("/api/analytics/commerce?from=2011-13-01&to=2011-12-31", "from")]
    [InlineData("/api/analytics/commerce?from=2011-01-01", "to")]
    [InlineData("/api/analytics/commerce?from=2011-02-01&to=2011-01-01", "from")]
    [InlineData("/api/analytics/commerce?from=2000-01-01&to=2011-01-01", "to")]
    [InlineData("/api/analytics/commerce?preset=7d&from=2011-01-01&to=2011-01-02", "preset")]
    [InlineData("/api/analytics/commerce?preset=30d&end=yesterday", "end")]
    [InlineData("/api/analytics/commerce?preset=7d&end=0001-01-03", "end")]
    [InlineData("/api/analytics/commerce?from=0001-01-01&to=0001-01-05", "from")]
    [InlineData("/api/analytics/nps?trait=a%22b&value=x", "trait")]
    [InlineData("/api/analytics/slices?by=trait&sliceTrait=a%22b", "sliceTrait")]
    [InlineData("/api/analytics/nps?segment=abc", "segment")]
    [InlineData("/api/analytics/nps?segment=424242", "segment")]
    [InlineData("/api/analytics/nps?trait=country", "value")]
    [InlineData("/api/analytics/nps?value=France", "trait")]
    [InlineData("/api/analytics/engagement?currency=pounds", "currency")]
    [InlineData("/api/analytics/cohorts?format=xml", "format")]
    [InlineData("/api/analytics/slices?by=weather", "by")]
    [InlineData("/api/analytics/slices?by=trait", "sliceTrait")]
    [InlineData("/api/analytics/members", "trait")]
    [InlineData("/api/analytics/baskets?minSupport=0", "minSupport")]
    [InlineData("/api/analytics/baskets?minLift=high", "minLift")]
    [InlineData("/api/analytics/baskets?maxItems=40", "maxItems")]
    public async Task Endpoints_BadParameter_Return400NamingIt(string address, string field)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsRead], Ct));

        var response = await client.GetAsync(address, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors: {errors}");
    }

    [Fact]
    public async Task Endpoints_NoData_AnswerZerosNotErrors()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsRead], Ct));

        foreach (var address in new[] { "commerce", "nps", "engagement", "cohorts", "slices?by=product", "members?trait=plan&value=gold", "baskets" })
        {
            var response = await client.GetAsync($"/api/analytics/{address}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
        }

        var engagement = await client.GetFromJsonAsync<JsonElement>("/api/analytics/engagement?preset=12m", Ct);
        Assert.Equal(0, engagement.GetProperty("current").GetProperty("email").GetProperty("openRate").GetDouble());
    }

    /// <summary>A shop with three June orders (one customer twice) and one in May, and a client that may read analytics.</summary>
    private static async Task<HttpClient> ShopAsync(KizunaApplication app) => (await ShopWithWorkspaceAsync(app)).Client;

    private static async Task<(HttpClient Client, long WorkspaceId)> ShopWithWorkspaceAsync(KizunaApplication app)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        IngestMessage Order(string userId, string orderId, decimal total, DateTimeOffset at, string product) => new()
        {
            Type = MessageType.Track,
            MessageId = Guid.NewGuid().ToString(),
            UserId = userId,
            Timestamp = at,
            ReceivedAt = at,
            Name = CommerceEvents.OrderCompleted,
            PropertiesJson = "{}",
            Order = new OrderEvent(OrderEventKind.Completed, orderId, total, "GBP", 0, 0, 0, null, [new OrderLine(product, null, product, null, total, 1)]),
        };
        await app.Service<IngestionPipeline>().SubmitAsync(new IngestBatch(workspace.Id, [
            Order("u1", "o1", 100, Day, "tea"), Order("u1", "o2", 200, Day.AddDays(3), "tea"), Order("u2", "o3", 1000, Day, "cup"),
            Order("u2", "o0", 250, Day.AddDays(-30), "cup"),
        ]), Ct);
        return (app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsRead], Ct)), workspace.Id);
    }
}
