using System.Text;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class CustomersListTests(DashboardServer server)
{
    private static async Task<string> SeedShopAsync(DashboardServer server)
    {
        var (workspace, email) = await server.CreateTenantAsync("List");
        await server.SeedAsync(workspace.Id,
            new SeedCustomer("ls-big", "Big Spender", "big@example.test", "gold", [new SeedOrder("ls-o1", "Gyokuro", 9000, 1)]),
            new SeedCustomer("ls-many", "=HYPERLINK(\"http://evil.test\")", "many@example.test", "gold",
                [new SeedOrder("ls-o2", "Sencha", 100, 1), new SeedOrder("ls-o3", "Sencha", 100, 1), new SeedOrder("ls-o4", "Sencha", 100, 1)]),
            new SeedCustomer("ls-free", "Free Rider", "free@example.test", "free", [new SeedOrder("ls-o5", "Matcha", 50000, 1)]),
            new SeedCustomer("ls-new", "New Comer", "new@example.test", "gold", []));
        return email;
    }

    [Fact]
    public async Task Customers_SortByTotalSpentAndOrders_OrdersTheRows()
    {
        var email = await SeedShopAsync(server);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/customers");
        var firstCells = page.Locator("#customers-table tbody tr td:first-child");
        await Expect(firstCells).ToHaveCountAsync(4);

        await page.ClickAsync("#sort-total-spent");
        await Expect(firstCells).ToHaveTextAsync(["New Comer", "=HYPERLINK(\"http://evil.test\")", "Big Spender", "Free Rider"]);
        await page.ClickAsync("#sort-total-spent");
        await Expect(firstCells).ToHaveTextAsync(["Free Rider", "Big Spender", "=HYPERLINK(\"http://evil.test\")", "New Comer"]);

        await page.ClickAsync("#sort-orders");
        await Expect(firstCells.First).ToHaveTextAsync("New Comer");
        await page.ClickAsync("#sort-orders");
        await Expect(firstCells.First).ToHaveTextAsync("=HYPERLINK(\"http://evil.test\")");
    }

    [Fact]
    public async Task Customers_TraitFilterAndSort_ExportHasTheSameRowsWithFormulasEscaped()
    {
        var email = await SeedShopAsync(server);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/customers");
        var firstCells = page.Locator("#customers-table tbody tr td:first-child");
        await Expect(firstCells).ToHaveCountAsync(4);

        await page.FillAsync("#trait-key", "plan");
        await page.FillAsync("#trait-value", "gold");
        await page.ClickAsync("#trait-filter");
        await Expect(firstCells).ToHaveCountAsync(3);
        await page.ClickAsync("#sort-total-spent");
        await page.ClickAsync("#sort-total-spent");
        await Expect(firstCells).ToHaveTextAsync(["Big Spender", "=HYPERLINK(\"http://evil.test\")", "New Comer"]);
        await page.ScreenshotAsync("customers-filtered");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8, TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("customers-", download.SuggestedFilename);
        Assert.Equal("id,user_id,email,name,last_seen,events,orders,total_spent,currency", lines[0]);
        Assert.Equal(["ls-big", "ls-many", "ls-new"], lines[1..].Select(l => l.Split(',')[1]));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.test\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",3,300,JPY", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersExport_UnknownSort_Answers400NamingTheParameter()
    {
        var email = await SeedShopAsync(server);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        var response = await page.APIRequest.GetAsync("/customers/export.csv?sort=email");

        Assert.Equal(400, response.Status);
        Assert.Contains("\"sort\"", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerDetail_NoEmail_ShowsOnlyTheUserIdUnderTheName()
    {
        var (workspace, email) = await server.CreateTenantAsync("NoEmail");
        var ids = await server.SeedAsync(workspace.Id, new SeedCustomer("14646", "Kenji Mori", null, "free", []));
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{ids["14646"]}");

        await Expect(page.Locator("#customer-ids")).ToHaveTextAsync("14646");
    }
}
