using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Server.Profiles;

public sealed class ProfilesApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetByUserId_IdentifiedCustomer_ReturnsTraitsAndAggregates()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "u-ren", anonymousId = "a-ren", traits = new { email = "Ren@Example.com", name = "Ren Tanaka", plan = "gold" } });
        await IngestAsync(write, "track", new { userId = "u-ren", @event = "Product Viewed" });
        await IngestAsync(write, "page", new { userId = "u-ren", name = "Home" });

        var response = await GetAsync(admin, "/api/profiles/by-user/u-ren");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("u-ren", "ren@example.com", "Ren Tanaka"), (profile.GetProperty("userId").GetString(), profile.GetProperty("email").GetString(), profile.GetProperty("displayName").GetString()));
        Assert.Equal("gold", profile.GetProperty("traits").GetProperty("plan").GetString());
        var aggregates = profile.GetProperty("aggregates");
        Assert.Equal((3L, 1L), (aggregates.GetProperty("events").GetInt64(), aggregates.GetProperty("pageViews").GetInt64()));
        Assert.Contains(profile.GetProperty("identities").EnumerateArray(), i => i.GetProperty("kind").GetString() == "anonymous" && i.GetProperty("value").GetString() == "a-ren");
    }

    [Fact]
    public async Task Get_ByIdAnonymousIdAndEmail_ReturnsTheSameProfile()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "u-aoi", anonymousId = "a-aoi", traits = new { email = "aoi@example.com" } });
        var id = await IdOfAsync(admin, "u-aoi");

        string[] paths = [$"/api/profiles/{id}", "/api/profiles/by-anonymous/a-aoi", "/api/profiles/by-email/AOI@example.com"];
        var found = new List<(HttpStatusCode, long)>();
        foreach (var path in paths)
        {
            var response = await GetAsync(admin, path);
            found.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64()));
        }

        Assert.All(found, f => Assert.Equal((HttpStatusCode.OK, id), f));
    }

    [Theory]
    [InlineData("/api/profiles/987654321")]
    [InlineData("/api/profiles/by-user/nobody")]
    [InlineData("/api/profiles/by-anonymous/nobody")]
    [InlineData("/api/profiles/by-email/nobody@example.com")]
    public async Task Get_UnknownProfile_Returns404(string path)
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "somebody", anonymousId = "a-somebody", traits = new { email = "somebody@example.com" } });

        var response = await GetAsync(admin, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("q=tanaka", "u-ren")]
    [InlineData("q=SHOP.EXAMPLE", "u-aoi")]
    [InlineData("q=u-kai", "u-kai")]
    [InlineData("trait=plan:gold", "u-ren")]
    public async Task Search_ByTextOrTrait_ReturnsOnlyTheMatchingProfile(string query, string userId)
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "u-ren", traits = new { name = "Ren Tanaka", email = "ren@example.com", plan = "gold" } });
        await IngestAsync(write, "identify", new { userId = "u-aoi", traits = new { name = "Aoi Sato", email = "aoi@shop.example", plan = "golden" } });
        await IngestAsync(write, "identify", new { userId = "u-kai", traits = new { email = "kai@example.com", plan = "silver" } });

        var page = await GetJsonAsync(admin, $"/api/profiles?{query}");

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal([userId], UserIds(page));
    }

    // The trait filter is SQL that differs per engine; a number or boolean stored in the traits must match the same way on both.
    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Search_ByNumericTrait_FindsTheProfile(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "u-30", traits = new { age = 30, vip = true } });
        await IngestAsync(write, "identify", new { userId = "u-41", traits = new { age = 41, vip = false } });

        var byNumber = await GetJsonAsync(admin, "/api/profiles?trait=age:30");
        var byBoolean = await GetJsonAsync(admin, "/api/profiles?trait=vip:false");

        Assert.Equal(["u-30"], UserIds(byNumber));
        Assert.Equal(["u-41"], UserIds(byBoolean));
    }

    [Fact]
    public async Task Search_Paged_ReturnsEachProfileOnceNewestActivityFirst()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        for (var i = 0; i < 5; i++)
        {
            await IngestAsync(write, "identify", new { userId = $"u-{i}", timestamp = At(i), traits = new { plan = "gold" } });
        }

        var pages = new List<JsonElement>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            pages.Add(await GetJsonAsync(admin, $"/api/profiles?trait=plan:gold&limit=2&offset={offset}"));
        }

        Assert.Equal([5, 5, 5], pages.Select(p => p.GetProperty("total").GetInt64()));
        Assert.Equal(["u-4", "u-3", "u-2", "u-1", "u-0"], pages.SelectMany(UserIds));
    }

    [Theory]
    [InlineData("trait=plan", "trait")]
    [InlineData("trait=:gold", "trait")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    public async Task Search_InvalidParameter_Returns400NamingIt(string query, string field)
    {
        await using var app = new KizunaApplication();
        var (_, admin) = await ClientsAsync(app, Scopes.ProfilesRead);

        var response = await GetAsync(admin, $"/api/profiles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    // Two events share a timestamp across the first page boundary, so the cursor's tie-break on the event id is exercised.
    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Timeline_FollowingTheCursor_ReturnsEveryEventOnceNewestFirst(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        int[] minutes = [0, 1, 2, 3, 5, 5, 6];
        await IngestAsync(write, "batch", new
        {
            batch = minutes.Select((m, i) => new { type = "track", userId = "u-timeline", @event = "Viewed", messageId = $"t-{i}", timestamp = At(m) }),
        });
        var id = await IdOfAsync(admin, "u-timeline");

        var events = new List<JsonElement>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var items = await GetJsonAsync(admin, $"/api/profiles/{id}/events?limit=2" + (cursor is null ? "" : $"&before={Uri.EscapeDataString(cursor)}"));
            events.AddRange(items.EnumerateArray());
            if (items.GetArrayLength() == 0)
            {
                break;
            }

            cursor = items[items.GetArrayLength() - 1].GetProperty("cursor").GetString();
        }

        Assert.Equal(["t-0", "t-1", "t-2", "t-3", "t-4", "t-5", "t-6"], events.Select(e => e.GetProperty("messageId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(minutes.OrderDescending().Select(At), events.Select(e => e.GetProperty("timestamp").GetDateTimeOffset().ToString("O", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Timeline_CursorNotFromTheApi_Returns400NamingBefore()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "track", new { userId = "u-cursor", @event = "Viewed" });
        var id = await IdOfAsync(admin, "u-cursor");

        var response = await GetAsync(admin, $"/api/profiles/{id}/events?before=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("before", out _));
    }

    [Fact]
    public async Task Orders_OrderCompleted_ListsTheOrderWithItsLines()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await TrackOrderAsync(write, "u-buyer", "o-1001");
        var id = await IdOfAsync(admin, "u-buyer");

        var orders = await GetJsonAsync(admin, $"/api/profiles/{id}/orders");

        var order = Assert.Single(orders.EnumerateArray());
        Assert.Equal(("o-1001", "completed", 59.5), (order.GetProperty("orderId").GetString(), order.GetProperty("status").GetString(), order.GetProperty("total").GetDouble()));
        Assert.Equal([("p-tea", 2.0), ("p-cup", 1.0)], order.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("productId").GetString(), l.GetProperty("quantity").GetDouble())));
        var aggregates = (await GetJsonAsync(admin, $"/api/profiles/{id}")).GetProperty("aggregates");
        Assert.Equal((1L, 59.5), (aggregates.GetProperty("orders").GetInt64(), aggregates.GetProperty("totalSpent").GetDouble()));
    }

    [Fact]
    public async Task Export_CustomerWithAnOrder_ContainsTraitsEventsAndOrders()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        await IngestAsync(write, "identify", new { userId = "u-export", traits = new { email = "export@example.com", plan = "gold" } });
        await TrackOrderAsync(write, "u-export", "o-2001");
        var id = await IdOfAsync(admin, "u-export");

        var export = await GetJsonAsync(admin, $"/api/profiles/{id}/export");

        var profile = export.GetProperty("profile").GetProperty("profile");
        Assert.Equal(("export@example.com", "gold"), (profile.GetProperty("email").GetString(), profile.GetProperty("traits").GetProperty("plan").GetString()));
        var tables = export.GetProperty("tables");
        Assert.Equal([null, "Order Completed"], tables.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["o-2001"], tables.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()));
        Assert.Equal([("o-2001", "p-tea", 20m), ("o-2001", "p-cup", 19.5m)], tables.GetProperty("order_lines").EnumerateArray()
            .Select(l => (l.GetProperty("order_id").GetString(), l.GetProperty("product_id").GetString(), l.GetProperty("price").GetDecimal())));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Erase_Profile_RemovesItWithItsEventsAndOrders(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin, workspaceId) = await ClientsWithWorkspaceAsync(app, Scopes.ProfilesRead, Scopes.ProfilesDelete);
        await IngestAsync(write, "identify", new { userId = "u-gone", anonymousId = "a-gone", traits = new { email = "gone@example.com" } });
        await TrackOrderAsync(write, "u-gone", "o-3001");
        var id = await IdOfAsync(admin, "u-gone");

        var erase = await admin.DeleteAsync(new Uri($"/api/profiles/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        string[] paths = [$"/api/profiles/{id}", "/api/profiles/by-user/u-gone", "/api/profiles/by-anonymous/a-gone", "/api/profiles/by-email/gone@example.com", $"/api/profiles/{id}/events", $"/api/profiles/{id}/export"];
        foreach (var path in paths)
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await GetAsync(admin, path)).StatusCode));
        }

        Assert.Equal((0L, 0L), (await CountAsync(app, "events", workspaceId), await CountAsync(app, "orders", workspaceId)));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Erase_WithoutSuppress_LaterEventsStartAFreshProfile(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead, Scopes.ProfilesDelete);
        await IngestAsync(write, "identify", new { userId = "u-back", traits = new { plan = "gold" } });
        await IngestAsync(write, "track", new { userId = "u-back", @event = "Viewed" });
        await admin.DeleteAsync(new Uri($"/api/profiles/{await IdOfAsync(admin, "u-back")}", UriKind.Relative), Ct);

        var later = await IngestAsync(write, "track", new { userId = "u-back", @event = "Returned" });

        Assert.Equal((1, 0), (later.GetProperty("stored").GetInt32(), later.GetProperty("suppressed").GetInt32()));
        var profile = await GetJsonAsync(admin, "/api/profiles/by-user/u-back");
        Assert.Equal(1, profile.GetProperty("aggregates").GetProperty("events").GetInt64());
        Assert.False(profile.GetProperty("traits").TryGetProperty("plan", out _));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Erase_WithSuppress_DropsLaterEventsForItsIds(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead, Scopes.ProfilesDelete);
        await IngestAsync(write, "identify", new { userId = "u-quiet", anonymousId = "a-quiet", traits = new { email = "quiet@example.com" } });
        var id = await IdOfAsync(admin, "u-quiet");

        var erase = await admin.DeleteAsync(new Uri($"/api/profiles/{id}?suppress=true", UriKind.Relative), Ct);
        var byUser = await IngestAsync(write, "track", new { userId = "u-quiet", @event = "Viewed" });
        var byAnonymous = await IngestAsync(write, "track", new { anonymousId = "a-quiet", @event = "Viewed" });
        var other = await IngestAsync(write, "track", new { userId = "u-other", @event = "Viewed" });

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Equal((0, 1), (byUser.GetProperty("stored").GetInt32(), byUser.GetProperty("suppressed").GetInt32()));
        Assert.Equal((0, 1), (byAnonymous.GetProperty("stored").GetInt32(), byAnonymous.GetProperty("suppressed").GetInt32()));
        Assert.Equal((1, 0), (other.GetProperty("stored").GetInt32(), other.GetProperty("suppressed").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(admin, "/api/profiles/by-user/u-quiet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(admin, "/api/profiles/by-anonymous/a-quiet")).StatusCode);
    }

    [Fact]
    public async Task Erase_UnknownProfile_Returns404()
    {
        await using var app = new KizunaApplication();
        var (_, admin) = await ClientsAsync(app, Scopes.ProfilesDelete);

        var response = await admin.DeleteAsync(new Uri("/api/profiles/987654321", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Erase_KeyWithoutProfilesDelete_Returns403AndKeepsTheProfile()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead, Scopes.ProfilesWrite);
        await IngestAsync(write, "identify", new { userId = "u-kept" });
        var id = await IdOfAsync(admin, "u-kept");

        var response = await admin.DeleteAsync(new Uri($"/api/profiles/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(admin, $"/api/profiles/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnyProfileRoute_SecretKeyOfAnotherWorkspace_Returns404AndChangesNothing()
    {
        await using var app = new KizunaApplication();
        var (write, admin) = await ClientsAsync(app, Scopes.ProfilesRead);
        var (_, stranger) = await ClientsAsync(app, Scopes.ProfilesRead, Scopes.ProfilesDelete);
        await IngestAsync(write, "identify", new { userId = "u-private", traits = new { email = "private@example.com" } });
        await TrackOrderAsync(write, "u-private", "o-4001");
        var id = await IdOfAsync(admin, "u-private");

        string[] paths = [$"/api/profiles/{id}", "/api/profiles/by-user/u-private", "/api/profiles/by-email/private@example.com", $"/api/profiles/{id}/events", $"/api/profiles/{id}/orders", $"/api/profiles/{id}/export"];
        foreach (var path in paths)
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await GetAsync(stranger, path)).StatusCode));
        }

        Assert.Equal(0, (await GetJsonAsync(stranger, "/api/profiles?q=private")).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(new Uri($"/api/profiles/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(admin, $"/api/profiles/{id}")).StatusCode);
    }

    private static async Task<(HttpClient Write, HttpClient Admin)> ClientsAsync(KizunaApplication app, params string[] scopes)
    {
        var (write, admin, _) = await ClientsWithWorkspaceAsync(app, scopes);
        return (write, admin);
    }

    private static async Task<(HttpClient Write, HttpClient Admin, long WorkspaceId)> ClientsWithWorkspaceAsync(KizunaApplication app, params string[] scopes)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var write = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, scopes, Ct));
        return (write, admin, workspace.Id);
    }

    /// <summary>Sends to <c>/v1/{type}</c> and returns the ingestion response, which must be a 200.</summary>
    private static async Task<JsonElement> IngestAsync(HttpClient write, string type, object body)
    {
        var response = await write.PostAsJsonAsync($"/v1/{type}", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task<JsonElement> TrackOrderAsync(HttpClient write, string userId, string orderId) =>
        IngestAsync(write, "track", new
        {
            userId,
            @event = "Order Completed",
            properties = new
            {
                order_id = orderId,
                total = 59.5,
                currency = "eur",
                products = new object[]
                {
                    new { product_id = "p-tea", name = "Sencha", price = 20, quantity = 2 },
                    new { product_id = "p-cup", name = "Cup", price = 19.5 },
                },
            },
        });

    private static async Task<long> IdOfAsync(HttpClient admin, string userId) =>
        (await GetJsonAsync(admin, $"/api/profiles/by-user/{userId}")).GetProperty("id").GetInt64();

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static IEnumerable<string?> UserIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("userId").GetString());

    private static string At(int minutes) => Start.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);

    private static async Task<long> CountAsync(KizunaApplication app, string table, long workspaceId)
    {
        await using var connection = await app.Service<Database>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE workspace_id = {workspaceId.ToString(CultureInfo.InvariantCulture)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }
}
