using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class LanguageTests(DashboardServer server)
{
    [Fact]
    public async Task LanguageSwitch_Japanese_ShowsJapaneseLabels()
    {
        var (workspace, email) = await server.CreateTenantAsync("Language");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("ja-1", "山田 花子", "hanako@example.test", "gold", [new SeedOrder("ja-o1", "抹茶", 3000, 1)]));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        await page.ClickAsync("#lang-ja");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "概要" })).ToBeVisibleAsync();
        await Expect(page.Locator("#stat-revenue")).ToContainTextAsync("売上");
        await Expect(page.Locator(".mud-drawer")).ToContainTextAsync("顧客");
        await page.ScreenshotAsync("overview-ja");
        await page.GotoAsync("/customers");
        await Expect(page.Locator("#customers-table tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("customers-ja");
    }
}
