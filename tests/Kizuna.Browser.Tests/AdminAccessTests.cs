using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class AdminAccessTests(DashboardServer server)
{
    [Fact]
    public async Task AdminPages_Viewer_NeitherListedNorUsable()
    {
        var email = await MemberAsync(Role.Viewer);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-keys")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-imports")).ToHaveCountAsync(0);

        await page.GotoAsync("/keys");
        await Expect(page.Locator("#no-access")).ToBeVisibleAsync();
        await Expect(page.Locator("#create-key")).ToHaveCountAsync(0);
        await Expect(page.Locator("#keys-table")).ToHaveCountAsync(0);
        await page.GotoAsync("/imports");
        await Expect(page.Locator("#no-access")).ToBeVisibleAsync();
        await Expect(page.Locator("#start-import")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AdminPages_Marketer_ImportsOnly()
    {
        var email = await MemberAsync(Role.Marketer);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await Expect(page.Locator("#nav-imports")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-keys")).ToHaveCountAsync(0);
        await page.GotoAsync("/keys");
        await Expect(page.Locator("#no-access")).ToBeVisibleAsync();
        await page.GotoAsync("/imports");
        await Expect(page.Locator("#start-import")).ToBeVisibleAsync();
    }

    /// <summary>A new member with <paramref name="role"/> in a new workspace.</summary>
    private async Task<string> MemberAsync(Role role)
    {
        var (workspace, _) = await server.CreateTenantAsync(role.ToString());
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = await server.Services.GetRequiredService<UserService>().CreateAsync(email, role.ToString(), DashboardServer.UserPassword, CancellationToken.None);
        await server.Services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, role, CancellationToken.None);
        return email;
    }
}
