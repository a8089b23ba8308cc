using Microsoft.Playwright;

namespace Kizuna.Browser;

/// <summary>What a person does on the dashboard, as steps the tests share.</summary>
public static class DashboardPages
{
    public static async Task LoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Saves a screenshot to <c>docs/images/{name}.png</c> of the repository.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "images", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
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
