using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class CustomerDetailTests(DashboardServer server)
{
    [Fact]
    public async Task CustomerDetail_SeededCustomer_ShowsTraitsOrdersAndTimeline()
    {
        var (workspace, email) = await server.CreateTenantAsync("Detail");
        var ids = await server.SeedAsync(workspace.Id,
            new SeedCustomer("cd-1", "山田 花子", "hanako@example.test", "gold",
                [new SeedOrder("cd-o1", "Sencha", 1200, 2), new SeedOrder("cd-o2", "Gyokuro", 3600, 1)]));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{ids["cd-1"]}");

        await Expect(page.Locator("#customer-name")).ToHaveTextAsync("山田 花子");
        await Expect(page.Locator("#customer-traits")).ToContainTextAsync("gold");
        await Expect(page.Locator("#customer-traits")).ToContainTextAsync("user: cd-1");
        await Expect(page.Locator("#agg-orders .kz-stat-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#agg-aov .kz-stat-value")).ToHaveTextAsync("3,000 JPY");
        await Expect(page.Locator("#order-cd-o2")).ToContainTextAsync("Gyokuro");
        await Expect(page.Locator("#order-cd-o1")).ToContainTextAsync("2,400 JPY");
        await Expect(page.Locator("#customer-timeline")).ToContainTextAsync("Product Viewed");
        await Expect(page.Locator("#customer-timeline")).ToContainTextAsync("Home");
        await Expect(page.Locator("#customer-timeline")).ToContainTextAsync("Identified");
        await Expect(page.Locator("#customer-event-counts")).ToContainTextAsync("Page viewed");
        await Expect(page.Locator("#customer-event-counts")).Not.ToContainTextAsync("$");
        await page.ScreenshotAsync("customer");
    }

    [Fact]
    public async Task CustomerDetail_CustomerInAnAccountPayingInTwoCurrencies_ShowsTheAccountAndEachCurrency()
    {
        var (workspace, email) = await server.CreateTenantAsync("Accounts");
        var ids = await server.SeedAsync(workspace.Id,
            new SeedCustomer("ca-1", "Emma Brown", "emma@example.test", "free",
                [new SeedOrder("ca-o1", "Teapot", 59.50m, 1, "USD"), new SeedOrder("ca-o2", "Cup", 20, 1, "USD"), new SeedOrder("ca-o3", "玉露", 2500, 1)]));
        await server.GroupAsync(workspace.Id, "ca-1", "acme-7", new { name = "Acme Tea", plan = "enterprise" });
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{ids["ca-1"]}");

        await Expect(page.Locator("#agg-spent .kz-stat-value")).ToHaveTextAsync("79.50 USD");
        await Expect(page.Locator("#customer-aggregates")).ToContainTextAsync("2,500 JPY");
        await Expect(page.Locator("#customer-accounts")).ToContainTextAsync("Acme Tea (acme-7)");
        await Expect(page.Locator("#customer-accounts")).ToContainTextAsync("enterprise");
    }
}
