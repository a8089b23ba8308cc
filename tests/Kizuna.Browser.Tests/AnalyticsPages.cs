using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

/// <summary>Opening an analytics page and waiting until it runs over its live connection, so clicks act.</summary>
public static class AnalyticsPages
{
    public static async Task OpenAnalyticsAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLiveAnalyticsAsync();
    }

    public static Task WaitForLiveAnalyticsAsync(this IPage page) =>
        Expect(page.Locator("#analytics-tabs")).ToHaveAttributeAsync("data-live", "true");
}
