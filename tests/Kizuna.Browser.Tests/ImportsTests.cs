using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class ImportsTests(DashboardServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kizuna-import-test-").FullName;

    [Fact]
    public async Task Imports_OrdersCsvWithExampleMapping_FinishesAndCustomerIsListed()
    {
        var (_, email) = await server.CreateTenantAsync("Imports");
        // Online Retail's shape: two lines of one invoice, a line whose quantity is not a number, another customer's order.
        var csv = Write("online_retail_sample.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
            "536366,22633,HAND WARMER UNION JACK,many,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
            "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047.0,United Kingdom");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-imports");
        await Expect(page.Locator("#import-file")).ToBeEnabledAsync();

        await page.SetInputFilesAsync("#import-file", csv);
        await Expect(page.Locator("#import-file-name")).ToContainTextAsync("online_retail_sample.csv");
        await Expect(page.Locator("#column-mapping")).ToContainTextAsync("InvoiceNo");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Mapping JSON" }).ClickAsync();
        await Expect(page.Locator("#mapping-file")).ToBeEnabledAsync();
        await page.SetInputFilesAsync("#mapping-file", Path.Combine(RepositoryRoot(), "docs", "examples", "online_retail.mapping.json"));
        await Expect(page.Locator("#mapping-json")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("cancellationPrefix"));
        await page.ClickAsync("#start-import");

        await Expect(page.Locator("#job-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await Expect(page.Locator("#job-lines")).ToHaveTextAsync("4");
        await Expect(page.Locator("#job-orders")).ToHaveTextAsync("2");
        await Expect(page.Locator("#job-bad")).ToHaveTextAsync("1");
        await Expect(page.Locator("#bad-lines tbody tr td").First).ToHaveTextAsync("4");
        await Expect(page.Locator("#import-jobs tbody tr").First).ToContainTextAsync("online_retail_sample.csv");
        // The next file is mapped column by column, beside the report of the last one.
        await page.SetInputFilesAsync("#import-file", csv);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Map columns" }).ClickAsync();
        await Expect(page.Locator("select[data-column='InvoiceNo']")).ToHaveValueAsync("field:order_id");
        await page.ScreenshotAsync("import");

        await page.GotoAsync("/customers");
        var rows = page.Locator("#customers-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "17850" })).ToContainTextAsync("GBP");
    }

    [Fact]
    public async Task Imports_CustomersMappedByColumn_GuessesFieldsAndLoadsTraits()
    {
        var (_, email) = await server.CreateTenantAsync("Column mapping");
        var csv = Write("members.csv",
            "Customer ID;E-mail Address;Member Rank",
            "m-1001;aiko@example.test;gold",
            "m-1002;ren@example.test;silver");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/imports");
        await Expect(page.Locator("#import-file")).ToBeEnabledAsync();

        await page.SetInputFilesAsync("#import-file", csv);
        await page.SelectOptionAsync("#import-delimiter", ";");
        await page.SelectOptionAsync("#import-kind", "Customers");
        await Expect(page.Locator("select[data-column='Customer ID']")).ToHaveValueAsync("field:user_id");
        await page.SelectOptionAsync("select[data-column='E-mail Address']", "field:email");
        await Expect(page.Locator("select[data-column='Member Rank']")).ToHaveValueAsync("trait");
        await page.ClickAsync("#start-import");

        await Expect(page.Locator("#job-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await Expect(page.Locator("#import-report")).ToContainTextAsync("Customers");
        await page.GotoAsync("/customers");
        var rows = page.Locator("#customers-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await rows.Filter(new() { HasText = "aiko@example.test" }).Locator("a").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("member_rank");
    }

    [Fact]
    public async Task Imports_MappingNamesMissingColumn_SaysWhichAndStartsNothing()
    {
        var (_, email) = await server.CreateTenantAsync("Bad mapping");
        var csv = Write("orders.csv", "order,customer", "1,c-1");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/imports");
        await Expect(page.Locator("#import-file")).ToBeEnabledAsync();

        await page.SetInputFilesAsync("#import-file", csv);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Mapping JSON" }).ClickAsync();
        await page.FillAsync("#mapping-json", """{ "kind": "customers", "columns": { "user_id": "CustomerID" } }""");
        await page.ClickAsync("#start-import");

        await Expect(page.Locator("#import-error")).ToContainTextAsync("mapping.columns.user_id");
        await Expect(page.Locator("#import-error")).ToContainTextAsync("CustomerID");
        await Expect(page.Locator("#import-jobs tbody tr")).ToContainTextAsync("No imports yet");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
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
