using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Workspaces;

namespace Kizuna.Server.Commerce;

public sealed class ProductsApiTests
{
    private static readonly Uri Products = new("/api/products", UriKind.Relative);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_List_CanBeReadBackByIdAndInTheList()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);

        var response = await client.PutAsJsonAsync(Products, new object[]
        {
            new { productId = " p-tea ", sku = "TEA-01", name = "Sencha", category = "Tea", price = 12.5, currency = "eur", url = "https://shop.example/tea" },
            new { productId = "p-cup", name = "Cup" },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("upserted").GetInt32());
        var tea = await GetJsonAsync(client, "/api/products/p-tea");
        Assert.Equal(("TEA-01", "Sencha", "Tea", 12.5, "EUR"), (tea.GetProperty("sku").GetString(), tea.GetProperty("name").GetString(), tea.GetProperty("category").GetString(), tea.GetProperty("price").GetDouble(), tea.GetProperty("currency").GetString()));
        var list = await GetJsonAsync(client, "/api/products");
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        Assert.Equal(["p-cup", "p-tea"], ProductIds(list));
    }

    [Fact]
    public async Task Upsert_ExistingProductId_ReplacesItsFields()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);
        await client.PutAsJsonAsync(Products, new[] { new { productId = "p-tea", name = "Sencha", price = 12.5 } }, Ct);

        var response = await client.PutAsJsonAsync(Products, new[] { new { productId = "p-tea", name = "Gyokuro", price = 18.0 } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tea = await GetJsonAsync(client, "/api/products/p-tea");
        Assert.Equal(("Gyokuro", 18.0), (tea.GetProperty("name").GetString(), tea.GetProperty("price").GetDouble()));
        Assert.Equal(1, (await GetJsonAsync(client, "/api/products")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("""[{"productId":"p-1","name":"Tea"},{"productId":"p-2"}]""", "[1].name")]
    [InlineData("""[{"productId":"p-1","name":"   "}]""", "[0].name")]
    [InlineData("""[{"name":"Tea"}]""", "[0].productId")]
    [InlineData("""[{"productId":"p-1","name":"Tea","price":-1}]""", "[0].price")]
    [InlineData("""[{"productId":"p-1","name":"Tea","price":1e400}]""", "[0].price")]
    [InlineData("""[{"productId":"p-1","name":"Tea","price":"NaN"}]""", "[0].price")]
    public async Task Upsert_InvalidProduct_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);

        var response = await client.PutAsync(Products, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await GetJsonAsync(client, "/api/products")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Upsert_NullEntry_Returns400NamingIt()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite);

        var response = await client.PutAsync(Products, new StringContent("""[{"productId":"p-1","name":"Tea"},null]""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("[1]", out _));
    }

    [Fact]
    public async Task List_ByText_MatchesNameSkuOrProductId()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);
        await client.PutAsJsonAsync(Products, new object[]
        {
            new { productId = "p-sencha", sku = "TEA-01", name = "Sencha Green Tea" },
            new { productId = "p-matcha", sku = "TEA-02", name = "Matcha" },
            new { productId = "p-cup", sku = "CUP-01", name = "Tea cup" },
        }, Ct);

        var byName = await GetJsonAsync(client, "/api/products?q=green");
        var bySku = await GetJsonAsync(client, "/api/products?q=TEA-02");
        var paged = await GetJsonAsync(client, "/api/products?q=tea&limit=1&offset=1");

        Assert.Equal(["p-sencha"], ProductIds(byName));
        Assert.Equal(["p-matcha"], ProductIds(bySku));
        Assert.Equal((2L, "p-cup"), (paged.GetProperty("total").GetInt64(), Assert.Single(ProductIds(paged))));
    }

    [Fact]
    public async Task Find_UnknownProduct_Returns404()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);
        await client.PutAsJsonAsync(Products, new[] { new { productId = "p-tea", name = "Sencha" } }, Ct);

        var response = await client.GetAsync(new Uri("/api/products/p-coffee", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Find_ProductOfAnotherWorkspace_Returns404()
    {
        await using var app = new KizunaApplication();
        var owner = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);
        var stranger = await AdminClientAsync(app, Scopes.ProductsWrite, Scopes.ProductsRead);
        await owner.PutAsJsonAsync(Products, new[] { new { productId = "p-secret", name = "Unreleased tea" } }, Ct);

        var found = await stranger.GetAsync(new Uri("/api/products/p-secret", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(stranger, "/api/products")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Upsert_KeyWithoutProductsWrite_Returns403AndStoresNothing()
    {
        await using var app = new KizunaApplication();
        var client = await AdminClientAsync(app, Scopes.ProductsRead, Scopes.ProfilesWrite);

        var response = await client.PutAsJsonAsync(Products, new[] { new { productId = "p-tea", name = "Sencha" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(client, "/api/products")).GetProperty("total").GetInt64());
    }

    private static async Task<HttpClient> AdminClientAsync(KizunaApplication app, params string[] scopes)
    {
        var workspace = await app.CreateWorkspaceAsync(Ct);
        return app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, scopes, Ct));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static IEnumerable<string?> ProductIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("productId").GetString());
}
