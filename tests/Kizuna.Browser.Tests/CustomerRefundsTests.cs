using Kizuna.Imports;
using Kizuna.Profiles;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class CustomerRefundsTests(DashboardServer server)
{
    private const string Mapping = """
        {
          "kind": "orders",
          "columns": { "order_id": "Invoice", "user_id": "Customer", "product_id": "Sku", "name": "Item",
                       "quantity": "Qty", "price": "Price", "timestamp": "Date" },
          "currency": "GBP",
          "cancellationPrefix": "C",
          "cancellationMatch": "customerProduct"
        }
        """;

    [Fact]
    public async Task CustomerDetail_ImportedCancellationWithoutAnOrder_ShowsTheRefundWithItsAmount()
    {
        var (workspace, email) = await server.CreateTenantAsync("Refunds");
        var csv = Path.Combine(Path.GetTempPath(), $"kizuna-refunds-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "Invoice,Sku,Item,Qty,Date,Price,Customer",
            "R100,A1,Teapot,1,2011-03-01T10:00:00Z,10.00,rf-1",
            "CR900,Z9,Lantern,-3,2011-03-02T10:00:00Z,4.15,rf-1",
        ], TestContext.Current.CancellationToken);
        try
        {
            await server.Services.GetRequiredService<ImportService>().ImportAsync(workspace.Id, csv, ImportMappingParser.Parse(Mapping), null, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(csv);
        }

        var id = await server.Services.GetRequiredService<ProfileService>().ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "rf-1"), TestContext.Current.CancellationToken);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);

        await page.GotoAsync($"/customers/{id}");

        var refunds = page.Locator("#customer-refunds");
        await Expect(refunds).ToContainTextAsync("CR900");
        await Expect(refunds).ToContainTextAsync("Lantern");
        await Expect(refunds.Locator(".kz-unmatched")).ToHaveTextAsync("No matching order");
        await Expect(refunds.Locator(".kz-refund-amount")).ToHaveTextAsync("12.45 GBP");
        await Expect(page.Locator("#agg-spent .kz-stat-value")).ToHaveTextAsync("10.00 GBP");
    }
}
