using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class OverviewPeriodTests(DashboardServer server)
{
    [Fact]
    public async Task Overview_OnlyAnOldHistory_OpensOnItsLatestDataAndPresetsWidenIt()
    {
        var (workspace, email) = await server.CreateTenantAsync("History");
        var lastDay = new DateTimeOffset(2011, 12, 9, 12, 0, 0, TimeSpan.Zero);
        await server.SeedAtAsync(workspace.Id, lastDay,
            new SeedCustomer("or-1", "Ann Lee", "ann@example.test", "gold", [new SeedOrder("536365", "Lantern", 15.3m, 2, "GBP")]));
        await server.SeedAtAsync(workspace.Id, lastDay.AddMonths(-6),
            new SeedCustomer("or-2", "Bo Park", "bo@example.test", "free", [new SeedOrder("540001", "Mug", 4.5m, 10, "GBP")]));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        // Not thirty days of zeros before today: the month up to the last day with data.
        await Expect(page.Locator("#latest-data")).ToContainTextAsync("December 9, 2011");
        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("1");
        await Expect(page.Locator("#stat-revenue .kz-stat-value")).ToHaveTextAsync("30.60 GBP");
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-bars", "30");
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-total", "4");
        // The chart has a value axis with numbers and its bars carry their values.
        await Expect(page.Locator("#events-chart svg")).ToContainTextAsync("Events");
        await Expect(page.Locator("#events-chart svg text").Filter(new() { HasTextString = "4" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync("overview-history");

        await page.ClickAsync("#period-12m");

        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#stat-revenue .kz-stat-value")).ToHaveTextAsync("75.60 GBP");
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-bars", "13");
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-total", "8");
        await Expect(page.Locator("#period-12m")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("#period-custom")).ToHaveAttributeAsync("aria-checked", "false");

        await page.ClickAsync("#up-to-today");

        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("0");
        await Expect(page.Locator("#latest-data")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Overview_CustomRange_ShowsOnlyThoseDays()
    {
        var (workspace, email) = await server.CreateTenantAsync("Range");
        var lastDay = new DateTimeOffset(2011, 12, 9, 12, 0, 0, TimeSpan.Zero);
        await server.SeedAtAsync(workspace.Id, lastDay,
            new SeedCustomer("cr-1", "Ann Lee", "ann@example.test", "gold", [new SeedOrder("536365", "Lantern", 15.3m, 2, "GBP")]));
        await server.SeedAtAsync(workspace.Id, lastDay.AddDays(-5),
            new SeedCustomer("cr-2", "Bo Park", "bo@example.test", "free", [new SeedOrder("540001", "Mug", 4.5m, 10, "GBP")]));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("2");

        await page.FillAsync("#period-range-start", "2011-12-01");
        await page.Locator("#period-range-start").BlurAsync();
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-bars", "9");
        await page.FillAsync("#period-range-end", "2011-12-05");
        await page.Locator("#period-range-end").BlurAsync();

        await Expect(page.Locator("#stat-orders .kz-stat-value")).ToHaveTextAsync("1");
        await Expect(page.Locator("#stat-revenue .kz-stat-value")).ToHaveTextAsync("45.00 GBP");
        await Expect(page.Locator("#events-chart")).ToHaveAttributeAsync("data-bars", "5");
    }
}
