using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Profiles;

public sealed class RefundsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Refunds_RefundOfAnOrderAndOneOfNoKnownOrder_ListsBothWithTheirAmounts(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var write = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead], Ct));
        await TrackAsync(write, "Order Completed", "2026-02-01T10:00:00Z", new { order_id = "o-1", total = 40, currency = "EUR" });
        await TrackAsync(write, "Order Refunded", "2026-02-02T10:00:00Z", new { order_id = "o-1", total = 15, currency = "EUR" });
        await TrackAsync(write, "Order Refunded", "2026-02-03T10:00:00Z", new
        {
            order_id = "o-before-our-time",
            total = 12.5,
            currency = "EUR",
            products = new[] { new { product_id = "p-vase", name = "Vase", price = 6.25, quantity = 2 } },
        });
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/profiles/by-user/u-refund", Ct)).GetProperty("id").GetInt64();

        var refunds = await admin.GetFromJsonAsync<JsonElement>($"/api/profiles/{id}/refunds", Ct);

        Assert.Collection(refunds.EnumerateArray(),
            unmatched =>
            {
                Assert.Equal(("o-before-our-time", false, 12.5m, "EUR"), (unmatched.GetProperty("orderId").GetString(), unmatched.GetProperty("matched").GetBoolean(),
                    unmatched.GetProperty("amount").GetDecimal(), unmatched.GetProperty("currency").GetString()));
                var line = Assert.Single(unmatched.GetProperty("lines").EnumerateArray());
                Assert.Equal(("p-vase", 2m), (line.GetProperty("productId").GetString(), line.GetProperty("quantity").GetDecimal()));
            },
            matched => Assert.Equal(("o-1", true, 15m), (matched.GetProperty("orderId").GetString(), matched.GetProperty("matched").GetBoolean(), matched.GetProperty("amount").GetDecimal())));
        var aggregates = (await admin.GetFromJsonAsync<JsonElement>($"/api/profiles/{id}", Ct)).GetProperty("aggregates");
        Assert.Equal(25.0, aggregates.GetProperty("totalSpent").GetDouble(), 2);
    }

    [Fact]
    public async Task Refunds_UnknownProfile_Returns404()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.ProfilesRead], Ct));

        var response = await admin.GetAsync(new Uri("/api/profiles/987654321/refunds", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task TrackAsync(HttpClient write, string name, string timestamp, object properties)
    {
        var response = await write.PostAsJsonAsync("/v1/track", new { userId = "u-refund", @event = name, timestamp, properties }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
