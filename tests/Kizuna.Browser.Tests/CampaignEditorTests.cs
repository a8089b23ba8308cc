using Kizuna.Campaigns;
using Kizuna.Templates.Store;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class CampaignEditorTests(DashboardServer server)
{
    [Fact]
    public async Task Editor_NewCampaignToASegment_ShowsTheAudienceSendsAndReports()
    {
        var (workspace, email) = await server.CreateTenantAsync("Campaigns");
        await server.SeedAsync(
            workspace.Id,
            new SeedCustomer("cp-1", "Aoi Sato", "aoi@example.test", "gold", []),
            new SeedCustomer("cp-2", "Ren Kato", "ren@example.test", "gold", []),
            new SeedCustomer("cp-3", "Mio Abe", "mio@example.test", "free", []));
        var gold = await server.SegmentAsync(workspace.Id, "Gold plan", "trait.plan = \"gold\"");
        await server.TemplateAsync(workspace.Id, "spring_sale", new TemplateDraft("<p>Hello {{ customer.name | default: 'there' }}, spring tea is here.</p>", "Spring sale"));

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-campaigns");
        await page.ClickAsync("#campaign-create");
        await Expect(page.Locator("#campaign-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#campaign-name", "Spring tea");
        await page.ClickAsync("#variant-0-template .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('spring_sale')");
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Spring sale");

        // Without an audience the campaign is refused, naming the field.
        await page.ClickAsync("#campaign-save");
        await Expect(page.Locator("#campaign-problem")).ToContainTextAsync("audience.include");

        await page.SelectOptionAsync($"select[data-segment='{gold}']", "include");
        await Expect(page.Locator("#campaign-size")).ToHaveAttributeAsync("data-size", "2");
        await Expect(page.Locator("#campaign-size-total")).ToHaveTextAsync("2 customers");
        await page.FillAsync("#goal-events", "Order Completed");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("campaign-editor");

        await page.ClickAsync("#campaign-launch");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/campaigns/\d+$"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await server.WaitForStateAsync(workspace.Id, id, CampaignState.Sent);
        await server.WaitForReportAsync(workspace.Id, id, r => r.Total.Sent == 2);

        // One recipient orders after the email: the report credits the campaign with the conversion and its revenue.
        await server.OrderAsync(workspace.Id, "cp-1", "cp-order-1", 3_240m, "JPY");
        await server.WaitForReportAsync(workspace.Id, id, r => r.Total.Conversions == 1, TimeSpan.FromSeconds(10));

        await page.ClickAsync("#nav-campaigns");
        var row = page.Locator("#campaigns-table tbody tr").Filter(new() { HasText = "Spring tea" });
        await Expect(row.Locator(".kz-campaign-state")).ToHaveAttributeAsync("data-state", "sent");
        await Expect(row.Locator("[data-field='sent']")).ToHaveTextAsync("2 / 2");
        await Expect(row.Locator("[data-field='open-rate']")).ToHaveTextAsync("0.0%");
        await page.ScreenshotAsync("campaign-list");

        await Expect(page.Locator("#campaign-states[data-live='true']")).ToHaveCountAsync(1);
        await row.Locator(".kz-campaign-report").ClickAsync();
        await Expect(page.Locator("#campaign-headline [data-metric='targeted']")).ToHaveAttributeAsync("data-value", "2");
        await Expect(page.Locator("#campaign-headline [data-metric='sent']")).ToHaveAttributeAsync("data-value", "2");
        await Expect(page.Locator("#campaign-headline [data-metric='skipped']")).ToHaveAttributeAsync("data-value", "0");
        await Expect(page.Locator("#campaign-headline [data-metric='conversions']")).ToHaveAttributeAsync("data-value", "1");
        await Expect(page.Locator("#campaign-headline [data-metric='revenue']")).ToContainTextAsync("3,240");
        await Expect(page.Locator("#variants-table tr[data-variant='A'] [data-field='conversion-rate']")).ToContainTextAsync("50.0%");
        await Expect(page.Locator("#variants-table tr[data-variant='A']")).ToHaveAttributeAsync("data-sent", "2");
        await Expect(page.Locator("#campaign-day-chart")).ToHaveAttributeAsync("data-days", "1");
        await Expect(page.Locator("#report-csv")).ToHaveAttributeAsync("href", $"/api/campaigns/{id}/report.csv");
        await page.ScreenshotAsync("campaign-report");
        var csv = await page.Context.APIRequest.GetAsync($"/api/campaigns/{id}/report.csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignPages_InJapanese_ShowStatesAndReportInJapanese()
    {
        var (workspace, email) = await server.CreateTenantAsync("キャンペーン");
        await server.SeedAsync(workspace.Id, new SeedCustomer("cj-1", "Yui Mori", "yui@example.test", "gold", []));
        var gold = await server.SegmentAsync(workspace.Id, "ゴールド会員", "trait.plan = \"gold\"");
        var template = await server.TemplateAsync(workspace.Id, "new_year", new TemplateDraft("<p>新年のご挨拶</p>", "謹賀新年"));
        var id = await server.LaunchAsync(workspace.Id, "新年キャンペーン", gold, template);
        await server.WaitForStateAsync(workspace.Id, id, CampaignState.Sent);
        await server.WaitForReportAsync(workspace.Id, id, r => r.Total.Sent == 1);

        var page = await server.NewPageAsync(locale: "ja-JP", timeZone: "Asia/Tokyo");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/?culture=ja");
        await Expect(page.Locator("#nav-campaigns")).ToHaveTextAsync("キャンペーン");
        await page.ClickAsync("#nav-campaigns");
        var row = page.Locator("#campaigns-table tbody tr").Filter(new() { HasText = "新年キャンペーン" });
        await Expect(row.Locator(".kz-campaign-state")).ToHaveTextAsync("送信済み");
        await Expect(page.Locator("#campaign-create")).ToHaveTextAsync("新規キャンペーン");

        await Expect(page.Locator("#campaign-states[data-live='true']")).ToHaveCountAsync(1);
        await row.Locator(".kz-campaign-report").ClickAsync();
        await Expect(page.Locator("#campaign-variants")).ToContainTextAsync("バリエーション別");
        await Expect(page.Locator("#campaign-headline [data-metric='sent']")).ToContainTextAsync("送信");
        await Expect(page.Locator("#report-csv")).ToContainTextAsync("CSV をエクスポート");
    }
}
