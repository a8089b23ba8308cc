using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class CustomersTests(DashboardServer server)
{
    [Fact]
    public async Task Customers_SearchByJapaneseName_FindsOnlyThatCustomer()
    {
        var (workspace, email) = await server.CreateTenantAsync("Search");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("cs-1", "山田 花子", "hanako@example.test", "gold", [new SeedOrder("cs-o1", "玉露", 2500, 1)]),
            new SeedCustomer("cs-2", "佐藤 太郎", "taro@example.test", "free", []),
            new SeedCustomer("cs-3", "Emma Brown", "emma@example.test", "free", []));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync("/customers");
        var rows = page.Locator("#customers-table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "山田 花子" })).ToContainTextAsync("2,500 JPY");
        await page.ScreenshotAsync("customers");
        await page.FillAsync("#customer-search", "山田");

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("山田 花子");
        await Expect(rows.First).ToContainTextAsync("hanako@example.test");
    }

    [Fact]
    public async Task Customers_CustomerWhoPaidInDollars_IsShownInDollars()
    {
        var (workspace, email) = await server.CreateTenantAsync("Currencies");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("cc-1", "Emma Brown", "emma@example.test", "free", [new SeedOrder("cc-o1", "Teapot", 59.50m, 1, "USD")]),
            new SeedCustomer("cc-2", "山田 花子", "hanako@example.test", "gold", [new SeedOrder("cc-o2", "玉露", 2500, 1)]));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync("/customers");

        var rows = page.Locator("#customers-table tbody tr");
        await Expect(rows.Filter(new() { HasText = "Emma Brown" })).ToContainTextAsync("59.50 USD");
        await Expect(rows.Filter(new() { HasText = "山田 花子" })).ToContainTextAsync("2,500 JPY");
    }
}
