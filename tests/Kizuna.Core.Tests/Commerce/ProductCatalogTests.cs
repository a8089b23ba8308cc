using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Commerce;

public sealed class ProductCatalogTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpsertAsync_NewProducts_AreFoundAndListedByName(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, catalog) = await ArrangeAsync(store, ct);
        var sencha = new Product("p-sencha", "SKU-1", "Sencha 100g", "Tea", 12.5m, "EUR", null, "https://shop.example/sencha");
        var matcha = new Product("p-matcha", "SKU-2", "Matcha 30g", "Tea", 19.0m, "EUR", null, null);

        Assert.Equal(2, await catalog.UpsertAsync(workspace.Id, [sencha, matcha], ct));

        Assert.Equal(sencha, await catalog.FindAsync(workspace.Id, "p-sencha", ct));
        var page = await catalog.ListAsync(workspace.Id, null, 0, 50, ct);
        Assert.Equal(2, page.Total);
        Assert.Equal(["p-matcha", "p-sencha"], page.Items.Select(p => p.ProductId));
        Assert.Equal(["p-sencha"], (await catalog.ListAsync(workspace.Id, "sench", 0, 50, ct)).Items.Select(p => p.ProductId));
        Assert.Equal(["p-matcha"], (await catalog.ListAsync(workspace.Id, "SKU-2", 0, 50, ct)).Items.Select(p => p.ProductId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpsertAsync_ExistingProduct_ReplacesItsFields(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, catalog) = await ArrangeAsync(store, ct);
        await catalog.UpsertAsync(workspace.Id, [new Product("p-1", null, "Old name", null, 5, "EUR", null, null)], ct);

        var renamed = new Product("p-1", "SKU-9", "New name", "Cups", 7.25m, "JPY", "https://img.example/1.png", null);
        await catalog.UpsertAsync(workspace.Id, [renamed], ct);

        Assert.Equal(renamed, await catalog.FindAsync(workspace.Id, "p-1", ct));
        Assert.Equal(1, (await catalog.ListAsync(workspace.Id, null, 0, 50, ct)).Total);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsync_ProductOfAnotherWorkspace_ReturnsNull(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var (workspace, catalog) = await ArrangeAsync(store, ct);
        var (other, _) = await ArrangeAsync(store, ct);
        await catalog.UpsertAsync(workspace.Id, [new Product("p-1", null, "Kyusu", null, 30, "EUR", null, null)], ct);

        Assert.Null(await catalog.FindAsync(other.Id, "p-1", ct));
        Assert.Equal(0, (await catalog.ListAsync(other.Id, null, 0, 50, ct)).Total);
        Assert.Equal(0, await catalog.UpsertAsync(workspace.Id, [], ct));
    }

    private static async Task<(Workspace Workspace, ProductCatalog Catalog)> ArrangeAsync(TestStore store, CancellationToken ct)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", ct);
        return (workspace, new ProductCatalog(store.Database, TimeProvider.System));
    }
}
