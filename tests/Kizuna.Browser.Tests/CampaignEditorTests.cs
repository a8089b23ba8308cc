using Kizuna.Campaigns;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
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
        await Expect(page.Locator("#campaign-comparisons")).ToContainTextAsync("only one variant");

        // At 1366 px the variant table's last column (revenue) lies inside its card.
        var card = (await page.Locator("#campaign-variants").BoundingBoxAsync())!;
        var revenue = (await page.Locator("#variants-table tr[data-variant='A'] td").Last.BoundingBoxAsync())!;
        Assert.True(revenue.X + revenue.Width <= card.X + card.Width, $"revenue cell ends at {revenue.X + revenue.Width}, card at {card.X + card.Width}");
        await Expect(page.Locator("#report-csv")).ToHaveAttributeAsync("href", $"/api/campaigns/{id}/report.csv");
        await page.ScreenshotAsync("campaign-report");
        var csv = await page.Context.APIRequest.GetAsync($"/api/campaigns/{id}/report.csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_AbTest_PinsATemplateVersionAndPicksTheWinnerByHand()
    {
        var (workspace, email) = await server.CreateTenantAsync("Campaign winner");
        await server.SeedAsync(workspace.Id, [.. Enumerable.Range(1, 6).Select(i => new SeedCustomer($"cw-{i}", $"Customer {i}", $"cw{i}@example.test", "gold", []))]);
        var gold = await server.SegmentAsync(workspace.Id, "Gold plan", "trait.plan = \"gold\"");
        var template = await server.TemplateAsync(workspace.Id, "autumn_sale", new TemplateDraft("<p>Autumn tea.</p>", "Autumn sale v1"));
        await server.Services.GetRequiredService<TemplateLibrary>().SaveVersionAsync(
            workspace.Id, template, new TemplateDraft("<p>Autumn tea, now 20% off.</p>", "Autumn sale v2"), 1, "test", CancellationToken.None);

        // The editor pins a variant to the template's first version; its preview and the saved campaign follow.
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/campaigns/new");
        await Expect(page.Locator("#campaign-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#campaign-name", "Autumn pinned");
        await page.ClickAsync("#variant-0-template .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('autumn_sale')");
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Autumn sale v2");
        await page.ClickAsync("#variant-0-version .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('v1')");
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Autumn sale v1");
        await page.SelectOptionAsync($"select[data-segment='{gold}']", "include");
        await page.ClickAsync("#campaign-save");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/campaigns/\d+$"));
        var saved = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var pinned = await server.Services.GetRequiredService<CampaignService>().FindAsync(workspace.Id, saved, CancellationToken.None);
        Assert.Equal(1, Assert.Single(pinned!.Definition.Variants).TemplateVersion);

        // An A/B test on half the audience with no window waits for the winner; picking B sends it to the rest.
        var id = await server.LaunchAsync(workspace.Id, "Autumn A/B", gold, template, variants: 2, test: new AbTest(WinnerMetric.ClickRate, 50, null));
        await server.WaitForTestGroupAsync(workspace.Id, id);
        await page.GotoAsync($"/campaigns/{id}");
        await Expect(page.Locator("#campaign-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.ClickAsync("#winner-variant .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('B')");
        await Expect(page.Locator("#winner-variant input").First).ToHaveValueAsync("1");
        await page.ClickAsync("#winner-send");
        await Expect(page.Locator("#campaign-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#campaign-winner-pick")).ToHaveCountAsync(0);
        await server.WaitForStateAsync(workspace.Id, id, CampaignState.Sent);
        var report = await server.WaitForReportAsync(workspace.Id, id, r => r.Total.Sent == 6);
        Assert.Equal(("B", 1), (report.Winner, (await server.Services.GetRequiredService<CampaignService>().FindAsync(workspace.Id, id, CancellationToken.None))!.Winner));
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
        await page.GotoLiveAsync("/?culture=ja");
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
