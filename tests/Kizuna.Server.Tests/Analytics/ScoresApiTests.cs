using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kizuna.Analytics.Scores;
using Kizuna.Workspaces;

namespace Kizuna.Server.Analytics;

public sealed class ScoresApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Scores_RefreshedShop_AnswerTheCustomerTheGridAndTheDistribution(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var other = await app.CreateWorkspaceAsync(Ct);
        var write = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsRead, Scopes.AnalyticsManage, Scopes.ProfilesRead], Ct));
        var stranger = app.CreateAdminClient(await app.CreateSecretKeyAsync(other.Id, [Scopes.AnalyticsRead], Ct));
        using var batch = new StringContent(Shop(), Encoding.UTF8, "application/json");
        (await write.PostAsync(new Uri("/v1/batch", UriKind.Relative), batch, Ct)).EnsureSuccessStatusCode();
        var before = await admin.GetFromJsonAsync<JsonObject>("/api/analytics/scores/rfm", Ct);
        await app.Service<ScoreRefresher>().RefreshAsync(workspace.Id, null, Ct);
        var id = (long)(await admin.GetFromJsonAsync<JsonObject>("/api/profiles/by-user/c23", Ct))!["id"]!;

        var customer = await admin.GetFromJsonAsync<JsonObject>($"/api/analytics/scores/customers/{id}", Ct);
        var grid = await admin.GetFromJsonAsync<JsonObject>("/api/analytics/scores/rfm", Ct);
        var clv = await admin.GetFromJsonAsync<JsonObject>("/api/analytics/scores/clv", Ct);
        var strangers = await stranger.GetAsync(new Uri($"/api/analytics/scores/customers/{id}", UriKind.Relative), Ct);
        var strangersGrid = await stranger.GetFromJsonAsync<JsonObject>("/api/analytics/scores/rfm", Ct);
        var missing = await admin.GetAsync(new Uri("/api/analytics/scores/customers/999999", UriKind.Relative), Ct);
        var wrong = await admin.GetAsync(new Uri("/api/analytics/scores/customers/abc", UriKind.Relative), Ct);

        Assert.Null(before!["computedAt"]);
        Assert.Equal(11, before["segments"]!.AsArray().Count);
        Assert.Equal("EUR", (string?)customer!["currency"]);
        Assert.Equal(5, (int)customer["rfmMonetary"]!);
        Assert.NotNull(RfmName((string?)customer["rfmSegment"]));
        Assert.InRange((double)customer["pAlive"]!, 0, 1);
        Assert.True((double)customer["predictedClv"]! > 0);
        Assert.Equal(25, (int)grid!["customers"]!);
        Assert.Equal(25, grid["cells"]!.AsArray().Sum(c => (int)c!["customers"]!));
        Assert.Equal(Revenue(), grid["segments"]!.AsArray().SelectMany(s => s!["revenue"]!.AsArray()).Sum(r => (decimal)r!["amount"]!));
        var eur = Assert.Single(clv!["currencies"]!.AsArray())!;
        Assert.Equal("EUR", (string?)eur["currency"]);
        Assert.Equal(25, (int)clv["predicted"]!);
        Assert.Equal((int)eur["customers"]!, eur["buckets"]!.AsArray().Sum(b => (int)b!["customers"]!));
        Assert.NotNull(clv["model"]!["alpha"]);
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(0, (int)strangersGrid!["customers"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("id", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_TwiceAtOnce_Answers202WithOneSharedJobAndNeedsManage()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var manager = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsManage], Ct));
        var reader = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.AnalyticsRead], Ct));

        var first = await manager.PostAsync(new Uri("/api/analytics/scores/refresh", UriKind.Relative), null, Ct);
        var second = await manager.PostAsync(new Uri("/api/analytics/scores/refresh", UriKind.Relative), null, Ct);
        var refused = await reader.PostAsync(new Uri("/api/analytics/scores/refresh", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var (one, two) = (await first.Content.ReadFromJsonAsync<JsonObject>(Ct), await second.Content.ReadFromJsonAsync<JsonObject>(Ct));
        Assert.True((long)one!["jobId"]! > 0);
        // Two requests a moment apart share a job unless a window boundary fell between them.
        Assert.True((long)one["jobId"]! == (long)two!["jobId"]! || (DateTimeOffset)two["dueAt"]! > (DateTimeOffset)one["dueAt"]!);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Kizuna.Analytics.Rfm.RfmSegment? RfmName(string? name) => Kizuna.Analytics.Rfm.RfmSegments.Parse(name);

    /// <summary>25 customers; customer i orders i % 4 + 1 times, 30 days apart, for 10 + i euros each time.</summary>
    private static string Shop()
    {
        var messages = new JsonArray();
        var start = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 25; i++)
        {
            for (var n = 0; n <= i % 4; n++)
            {
                messages.Add(new JsonObject
                {
                    ["type"] = "track",
                    ["userId"] = $"c{i:00}",
                    ["event"] = "Order Completed",
                    ["timestamp"] = start.AddDays(i * 3 + n * 30).ToString("O", CultureInfo.InvariantCulture),
                    ["properties"] = new JsonObject { ["order_id"] = $"o{i}-{n}", ["currency"] = "EUR", ["total"] = 10 + i },
                });
            }
        }

        return new JsonObject { ["batch"] = messages }.ToJsonString();
    }

    private static decimal Revenue() => Enumerable.Range(0, 25).Sum(i => (i % 4 + 1) * (10m + i));
}
