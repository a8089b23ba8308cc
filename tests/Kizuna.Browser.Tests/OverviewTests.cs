using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class OverviewTests(DashboardServer server)
{
    [Fact]
    public async Task Overview_SeededWorkspace_ShowsCustomerCountRevenueAndLiveEvents()
    {
        var (workspace, email) = await server.CreateTenantAsync("Overview");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("ov-1", "Aiko Sato", "aiko@example.test", "gold", [new SeedOrder("ov-o1", "Sencha", 1200, 2)]),
            new SeedCustomer("ov-2", "Ben Clark", "ben@example.test", "free", [new SeedOrder("ov-o2", "Matcha", 3000, 1)]),
            new SeedCustomer("ov-3", "Chie Ito", "chie@example.test", "free", []));
        var page = await server.NewPageAsync();

        await page.LoginAsync(email, DashboardServer.UserPassword);

        await Expect(page.Locator("#stat-customers .kz-stat-value")).ToHaveTextAsync("3");
        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#stat-revenue .kz-stat-value")).ToHaveTextAsync("5,400 JPY");
        await Expect(page.Locator("#live-events")).ToContainTextAsync("Order Completed");

        // The stream moves while the page is open.
        await server.TrackAsync(workspace.Id, "ov-3", "Coupon Applied");
        await Expect(page.Locator("#live-events")).ToContainTextAsync("Coupon Applied");
        await Expect(page.Locator("#live-events .mud-list-item").First).ToContainTextAsync("Chie Ito");
        await page.ScreenshotAsync("overview");
    }
}
