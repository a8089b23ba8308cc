using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class LoginTests(DashboardServer server)
{
    [Fact]
    public async Task Login_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        var page = await server.NewPageAsync();

        await page.LoginAsync(DashboardServer.AdminEmail, "not-the-password");

        await Expect(page.Locator("#login-error")).ToContainTextAsync("Wrong email or password");
        await page.ScreenshotAsync("login");
        await page.GotoAsync("/customers");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task Login_AdminPassword_LandsOnOverview()
    {
        var page = await server.NewPageAsync();

        await page.LoginAsync(DashboardServer.AdminEmail, DashboardServer.AdminPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_SignedIn_ReturnsToLogin()
    {
        var page = await server.NewPageAsync();
        await page.LoginAsync(DashboardServer.AdminEmail, DashboardServer.AdminPassword);

        await page.ClickAsync("#sign-out");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }
}
