using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class SegmentBuilderTests(DashboardServer server)
{
    private static readonly SeedCustomer[] Customers =
    [
        new("sb-1", "Aoi Mori", "aoi@example.test", "gold", [new SeedOrder("sb-o1", "Sencha", 2400, 1), new SeedOrder("sb-o2", "Hojicha", 1800, 2)]),
        new("sb-2", "Ren Kato", "ren@example.test", "gold", []),
        new("sb-3", "Mei Sato", "mei@example.test", "silver", [new SeedOrder("sb-o3", "Matcha", 3000, 1)]),
    ];

    [Fact]
    public async Task VisualEditor_RowsAdded_TextFollowsEstimateChangesAndSavedMembersShow()
    {
        var (workspace, email) = await server.CreateTenantAsync("Builder");
        var ids = await server.SeedAsync(workspace.Id, Customers);
        var page = await OpenBuilderAsync(email);

        var group = page.Locator("#segment-visual .kz-seg-group").First;
        await group.Locator("[data-action='add-condition']").Last.ClickAsync();
        var trait = page.Locator("#segment-visual .kz-seg-row").Nth(0);
        await trait.Locator("[data-part='name']").FillAsync("plan");
        await trait.Locator("[data-part='value']").FillAsync("gold");

        await Expect(page.Locator("#segment-text")).ToHaveValueAsync("trait.plan = \"gold\"");
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "2");
        await Expect(page.Locator("#segment-sample")).ToContainTextAsync("aoi@example.test");

        await group.Locator("[data-action='add-condition']").Last.ClickAsync();
        var commerce = page.Locator("#segment-visual .kz-seg-row").Nth(1);
        await commerce.Locator("[data-part='kind']").SelectOptionAsync("commerce");
        await Expect(page.Locator("#segment-text")).ToHaveValueAsync("trait.plan = \"gold\" and order_count >= 1");
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "1");
        await Expect(page.Locator("#segment-estimate-size")).ToHaveTextAsync("1 customer");

        await page.Locator("#segment-name").FillAsync("Gold buyers");
        await page.ClickAsync("#segment-save");

        await Expect(page).ToHaveURLAsync(new Regex(@"/segments/\d+$"));
        await Expect(page.Locator("#segment-title")).ToHaveTextAsync("Gold buyers");
        var member = page.Locator("#segment-members tbody tr").Filter(new() { HasText = "aoi@example.test" });
        await Expect(member).ToHaveCountAsync(1);
        await Expect(page.Locator("#segment-members tbody tr")).ToHaveCountAsync(1);
        await Expect(member.Locator(".kz-time")).ToHaveTextAsync(new Regex(@"\d{4}"));
        await Expect(page.Locator("#segment-versions [data-version='1']")).ToContainTextAsync("order_count >= 1");

        await member.Locator($"a[href='/customers/{ids["sb-1"]}']").ClickAsync();
        var memberships = page.Locator("#customer-segments");
        await Expect(memberships).ToContainTextAsync("Gold buyers");
        await Expect(memberships.Locator(".kz-time")).ToHaveTextAsync(new Regex(@"\d{4}"));
    }

    [Fact]
    public async Task TextForm_Typed_VisualTreeFollowsAndSyntaxErrorsShowLineAndColumn()
    {
        var (workspace, email) = await server.CreateTenantAsync("Text form");
        await server.SeedAsync(workspace.Id, Customers);
        var page = await OpenBuilderAsync(email);

        await page.Locator("#segment-text").FillAsync("trait.plan = \"gold\" or\n  performed(\"Order Completed\", count >= 2, within 30d)");

        var root = page.Locator("#segment-visual .kz-seg-group").First;
        await Expect(root).ToHaveAttributeAsync("data-mode", "any");
        await Expect(root.Locator("[data-part='mode']")).ToHaveValueAsync("any");
        await Expect(page.Locator("#segment-visual .kz-seg-row[data-kind='trait'] [data-part='name']")).ToHaveValueAsync("plan");
        var performed = page.Locator("#segment-visual .kz-seg-row[data-kind='performed']");
        await Expect(performed.Locator("[data-part='event']")).ToHaveValueAsync("Order Completed");
        await Expect(performed.Locator("[data-part='window-days']")).ToHaveValueAsync("30");
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "2");

        await page.Locator("#segment-text").FillAsync("trait.plan = \"gold\" or\n  performed(\"Order Completed\", count >= )");
        await Expect(page.Locator("#segment-problems")).ToContainTextAsync("line 2, column");
        // The tree keeps its last shape while the text does not parse.
        await Expect(performed.Locator("[data-part='event']")).ToHaveValueAsync("Order Completed");

        // Editing the tree writes the text again, now from the tree.
        await performed.Locator("[data-part='value']").FillAsync("1");
        await Expect(page.Locator("#segment-text")).ToHaveValueAsync("trait.plan = \"gold\" or performed(\"Order Completed\", within 30d)");
        await Expect(page.Locator("#segment-problems")).ToHaveCountAsync(0);
        await Expect(page.Locator("#segment-estimate")).ToHaveAttributeAsync("data-size", "3");
    }

    [Fact]
    public async Task Builder_Japanese_LabelsAndEstimateInJapanese()
    {
        var (workspace, email) = await server.CreateTenantAsync("Japanese builder");
        await server.SeedAsync(workspace.Id, Customers);
        var page = await server.NewPageAsync(locale: "ja-JP");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/segments?culture=ja");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "セグメント" })).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-segments")).ToHaveTextAsync("セグメント");
        await page.ClickAsync("#segment-create");
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "テキスト形式" })).ToBeVisibleAsync();
        await page.Locator("#segment-text").FillAsync("order_count >= 1");

        var row = page.Locator("#segment-visual .kz-seg-row[data-kind='commerce']");
        await Expect(row.Locator("[data-part='kind'] option:checked")).ToHaveTextAsync("注文と購入額");
        await Expect(row.Locator("[data-part='operator'] option:checked")).ToHaveTextAsync("以上");
        await Expect(page.Locator("#segment-estimate-size")).ToHaveTextAsync("2 人");
        await Expect(page.Locator("#segment-save")).ToHaveTextAsync("セグメントを作成");
    }

    private async Task<IPage> OpenBuilderAsync(string email)
    {
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-segments");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Segments" })).ToBeVisibleAsync();
        await page.ClickAsync("#segment-create");
        await Expect(page.Locator("#segment-editor[data-live='true']")).ToHaveCountAsync(1);
        return page;
    }
}
