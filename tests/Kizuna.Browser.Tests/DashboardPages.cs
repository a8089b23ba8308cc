using Microsoft.Playwright;

namespace Kizuna.Browser;

/// <summary>What a person does on the dashboard, as steps the tests share.</summary>
public static class DashboardPages
{
    /// <summary>The page's live marker is a hidden element: it is there to be found, not seen.</summary>
    private static readonly LocatorWaitForOptions Attached = new() { State = WaitForSelectorState.Attached };

    public static async Task LoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.Locator("#kz-live[data-live='true'], #login-error").First.WaitForAsync(Attached);
    }

    /// <summary>Opens a dashboard page and waits for its live connection, so the links it shows answer a click.</summary>
    public static async Task GotoLiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#kz-live[data-live='true']").WaitForAsync(Attached);
    }

    /// <summary>Set to <c>1</c> to refresh the documentation's screenshots in <c>docs/images/</c> as well.</summary>
    public const string RefreshDocImages = "KIZUNA_REFRESH_DOC_IMAGES";

    /// <summary>
    /// Saves a screenshot to <c>screenshots/{name}.png</c> in the test output; with <see cref="RefreshDocImages"/>
    /// set to 1, also to <c>docs/images/{name}.png</c> of the repository. A plain test run leaves the tracked images alone.
    /// </summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        foreach (var folder in ScreenshotFolders(Environment.GetEnvironmentVariable(RefreshDocImages)))
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    /// <summary>Where screenshots go, given the value of <see cref="RefreshDocImages"/>.</summary>
    public static IEnumerable<string> ScreenshotFolders(string? refreshDocImages)
    {
        yield return Path.Combine(AppContext.BaseDirectory, "screenshots");
        if (refreshDocImages == "1")
        {
            yield return Path.Combine(RepositoryRoot(), "docs", "images");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kizuna.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kizuna.slnx not found above the test binaries.");
    }
}
