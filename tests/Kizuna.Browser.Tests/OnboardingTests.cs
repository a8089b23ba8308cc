using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class OnboardingTests(DashboardServer server)
{
    [Fact]
    public async Task Overview_EmptyWorkspace_ShowsFirstStepsInsteadOfZeros()
    {
        var (_, email) = await server.CreateTenantAsync("Empty");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        var onboarding = page.Locator("#onboarding");
        await Expect(onboarding).ToBeVisibleAsync();
        await Expect(page.Locator("#stat-customers")).ToHaveCountAsync(0);
        await Expect(page.Locator("#onboarding-keys")).ToHaveAttributeAsync("href", "/keys");
        await Expect(page.Locator("#onboarding-import")).ToHaveAttributeAsync("href", "/imports");
        var host = new Uri(server.BaseUrl).Authority;
        await Expect(page.Locator("#snippet-browser")).ToContainTextAsync($"apiHost: '{host}/v1'");
        await Expect(page.Locator("#snippet-browser")).ToContainTextAsync("AnalyticsBrowser.load");
        await Expect(page.Locator("#snippet-server")).ToContainTextAsync($"host: '{server.BaseUrl.TrimEnd('/')}'");
        await Expect(page.Locator("#snippet-server")).ToContainTextAsync("@segment/analytics-node");
        await page.ScreenshotAsync("overview-empty");
    }
}
