using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

/// <summary>
/// The users page and the invitation link, end to end in chromium, under the Content-Security-Policy the server
/// sends: any script or style the policy refuses shows up as a console message and fails the test.
/// </summary>
public sealed class UsersTests(DashboardServer server)
{
    [Fact]
    public async Task Invite_NewPersonAcceptsTheLink_JoinsAsMarketerWithNoPolicyViolation()
    {
        var (_, adminEmail) = await server.CreateTenantAsync("Team");
        var violations = new ConcurrentQueue<string>();
        var admin = Watch(await server.NewPageAsync(), violations);
        await admin.LoginAsync(adminEmail, DashboardServer.UserPassword);
        var invited = $"invited-{Guid.NewGuid():N}@example.test";

        await admin.ClickAsync("#nav-users");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users" })).ToBeVisibleAsync();
        await admin.FillAsync("#invite-email", invited);
        await admin.SelectOptionAsync("#invite-role", "Marketer");
        await admin.ClickAsync("#invite");
        var link = (await admin.Locator("#invitation-link").TextContentAsync())!.Trim();
        await Expect(admin.Locator($"#invitations tr[data-invitation='{invited}']")).ToContainTextAsync("Marketer");

        var newcomer = Watch(await server.NewPageAsync(), violations);
        await newcomer.GotoAsync(link);
        await Expect(newcomer.Locator("#invitation-summary")).ToContainTextAsync(invited);
        await newcomer.FillAsync("#new-name", "New Colleague");
        await newcomer.FillAsync("#new-password", "a-new-colleague-password");
        await newcomer.ClickAsync("#accept-create");
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(newcomer.Locator("#nav-users")).ToHaveCountAsync(0);   // a marketer does not manage users

        await admin.ReloadAsync();
        await Expect(admin.Locator($"#members tr[data-member='{invited}']")).ToContainTextAsync("Marketer");
        await Expect(admin.Locator("#no-invitations")).ToBeVisibleAsync();
        await newcomer.GotoAsync(link);
        await Expect(newcomer.Locator("#invitation-invalid")).ToBeVisibleAsync();   // used once
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Pages_UnderTheContentSecurityPolicy_RunWithoutViolations()
    {
        var (_, email) = await server.CreateTenantAsync("Policy");
        var violations = new ConcurrentQueue<string>();
        var page = Watch(await server.NewPageAsync(), violations);
        await page.GotoAsync("/login");
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await page.ClickAsync("a[href='/customers']");
        await Expect(page.Locator("#customers-table")).ToBeVisibleAsync();
        await page.ClickAsync("#nav-users");
        await Expect(page.Locator("#members")).ToBeVisibleAsync();
        await page.ClickAsync("#lang-ja");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ユーザー" })).ToBeVisibleAsync();
        await page.ClickAsync("#sign-out");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"));

        Assert.Empty(violations);
    }

    private static IPage Watch(IPage page, ConcurrentQueue<string> violations)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal)))
            {
                violations.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Enqueue(error);
        return page;
    }
}
