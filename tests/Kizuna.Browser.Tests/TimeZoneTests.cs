using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class TimeZoneTests(DashboardServer server)
{
    // The seeded history ends half an hour before this; without orders, last seen is its product view at 03:32 UTC.
    private static readonly DateTimeOffset SeededAt = new(2024, 3, 10, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CustomerDetail_BrowserInNewYorkCustomerInTokyo_ShowsBothLocalTimesThenTheChosenZone()
    {
        var (workspace, email) = await server.CreateTenantAsync("Zones");
        var ids = await server.SeedAtAsync(workspace.Id, SeededAt,
            new SeedCustomer("tz-1", "山田 花子", "hanako@example.test", "gold", [], TimeZone: "Asia/Tokyo", Locale: "ja-JP"));
        var page = await server.NewPageAsync(timeZone: "America/New_York");
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{ids["tz-1"]}");

        // No setting yet: the browser's zone. 03:32 UTC is 22:32 the evening before in New York, 12:32 in Tokyo.
        await Expect(page.Locator("#user-zone")).ToHaveTextAsync("America/New_York");
        var lastSeen = page.Locator("#customer-last-seen td");
        await Expect(lastSeen.Locator(".kz-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^3/9/2024 10:32\sPM$"));
        await Expect(lastSeen.Locator(".kz-customer-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"3/10/2024 12:32\sPM.*\(Asia/Tokyo\)"));
        await Expect(page.Locator("#customer-local-time")).ToContainTextAsync("Asia/Tokyo");
        await page.ScreenshotAsync("customer-zones");

        await page.ClickAsync("#user-zone");
        await page.ClickAsync("#follow-browser");
        await page.FillAsync("#zone-input", "Berlin");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Europe/Berlin')");
        await Expect(page.Locator("#zone-input")).ToHaveValueAsync("Europe/Berlin");
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.ClickAsync("#save-zone");
        await Expect(page.Locator("#user-zone")).ToHaveTextAsync("Europe/Berlin");

        // Kept on the user, and known before any script runs: the page as first sent already shows Berlin time, 04:32.
        var html = await (await page.APIRequest.GetAsync($"/customers/{ids["tz-1"]}")).TextAsync();
        Assert.Matches(@"3/10/2024 4:32(\s|&#x202F;)AM", html);
        await page.GotoAsync($"/customers/{ids["tz-1"]}");
        await Expect(page.Locator("#user-zone")).ToHaveTextAsync("Europe/Berlin");
        await Expect(lastSeen.Locator(".kz-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^3/10/2024 4:32\sAM$"));
    }

    [Fact]
    public async Task CustomerDetail_Japanese_TimesInTheUsersZoneNotUtc()
    {
        var (workspace, email) = await server.CreateTenantAsync("ZonesJa");
        var ids = await server.SeedAtAsync(workspace.Id, SeededAt,
            new SeedCustomer("tz-ja", "山田 花子", "hanako@example.test", "gold", [new SeedOrder("tz-o1", "玉露", 2500, 1)], TimeZone: "Asia/Tokyo", Locale: "ja-JP"));
        var page = await server.NewPageAsync(locale: "ja-JP", timeZone: "Asia/Tokyo");
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{ids["tz-ja"]}?culture=ja");

        await Expect(page.Locator("#user-zone")).ToHaveTextAsync("Asia/Tokyo");
        await Expect(page.Locator("#customer-last-seen .kz-time")).ToHaveTextAsync("2024/03/10 12:40");
        // The customer is in the user's own zone: no second time beside it.
        await Expect(page.Locator("#customer-last-seen .kz-customer-time")).ToHaveCountAsync(0);
        await Expect(page.Locator("#customer-timeline")).Not.ToContainTextAsync("UTC");
        await page.ScreenshotAsync("customer-ja");
    }
}
