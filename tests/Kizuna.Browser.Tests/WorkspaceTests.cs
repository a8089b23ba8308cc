using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class WorkspaceTests(DashboardServer server)
{
    [Fact]
    public async Task Customers_OtherWorkspace_NeverShownUntilSwitched()
    {
        var (home, email) = await server.CreateTenantAsync("Home");
        var (other, _) = await server.CreateTenantAsync("Other");
        var users = server.Services.GetRequiredService<UserService>();
        var user = await users.VerifyAsync(email, DashboardServer.UserPassword, CancellationToken.None);
        await server.Services.GetRequiredService<WorkspaceService>().AddMemberAsync(other.Id, user!.Id, Role.Viewer, CancellationToken.None);
        await server.SeedAsync(home.Id, new SeedCustomer("ws-home", "Hana Home", "hana@example.test", "free", []));
        var otherIds = await server.SeedAsync(other.Id, new SeedCustomer("ws-other", "Oscar Other", "oscar@example.test", "free", []));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync("/customers");
        var rows = page.Locator("#customers-table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Hana Home");
        await page.GotoAsync($"/customers/{otherIds["ws-other"]}");
        await Expect(page.Locator("#customer-missing")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Oscar Other");

        await page.GotoAsync("/customers");
        await page.SelectOptionAsync("#workspace-select", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Oscar Other");
    }
}
