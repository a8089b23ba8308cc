using System.Globalization;
using System.Text.RegularExpressions;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class JourneyEditorRulesTests(DashboardServer server)
{
    [Fact]
    public async Task JourneyEditor_EntryRulesExitsGoalAndAMovedNode_AreSavedAndOpenAsSaved()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey rules");
        await server.TemplateAsync(workspace.Id, "cart_mail", new TemplateDraft("<p>Your cart.</p>", "Your cart"));

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync("/journeys/new");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#journey-name", "Cart reminder");
        await page.FillAsync("#entry-event", "Checkout Started");
        await page.ClickAsync("#add-message");
        await page.SelectOptionAsync("#node-template", new Microsoft.Playwright.SelectOptionValue { Label = "cart_mail" });
        await page.ClickAsync("#add-exit");
        await Expect(page.Locator("#journey-editor-map .kz-jn")).ToHaveCountAsync(2);

        await page.SelectOptionAsync("#entry-reentry", ReEntryRule.Always);
        await page.FillAsync("#reentry-max", "3");
        await page.FillAsync("#reentry-gap", "soon");
        await page.FillAsync("#entry-limit-count", "100");
        await page.FillAsync("#entry-limit-per", "1h");
        await page.ClickAsync("#exit-add");
        await page.FillAsync("#exit-event-0", "Order Completed");
        await page.FillAsync("#exit-match-0", "cart_id");
        await page.FillAsync("#exit-where-0", "property.total > 0");
        await page.ClickAsync("#exit-add");
        await page.FillAsync("#exit-condition-1", "trait.plan = \"churned\"");
        await page.FillAsync("#goal-event", "Order Completed");
        await page.FillAsync("#goal-window", "3d");
        await page.FillAsync("#goal-where", "property.total > 1000");

        // A gap that is no duration: refused, the message naming the field as the page labels it, the input marked.
        await page.ClickAsync("#journey-save");
        var error = page.Locator("#journey-errors li[data-field='reEntry.minGap']");
        await Expect(error).ToContainTextAsync("Minimum gap between entries");
        await Expect(error).ToContainTextAsync("'soon' is not a duration");
        await Expect(page.Locator("#reentry-gap")).ToHaveClassAsync(new Regex("kz-invalid"));
        Assert.Empty(await server.Services.GetRequiredService<JourneyStore>().ListAsync(workspace.Id, CancellationToken.None));

        // The message node dragged to the right on the map.
        var node = page.Locator("#journey-editor-map .kz-jn[data-node='message_1']");
        var x = int.Parse((await node.GetAttributeAsync("data-x"))!, CultureInfo.InvariantCulture);
        var y = int.Parse((await node.GetAttributeAsync("data-y"))!, CultureInfo.InvariantCulture);
        var box = (await node.Locator(".kz-jn-head").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width / 2) + 260, box.Y + (box.Height / 2) + 40, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await Expect(node).Not.ToHaveAttributeAsync("data-x", x.ToString(CultureInfo.InvariantCulture));
        var movedX = int.Parse((await node.GetAttributeAsync("data-x"))!, CultureInfo.InvariantCulture);
        var movedY = int.Parse((await node.GetAttributeAsync("data-y"))!, CultureInfo.InvariantCulture);
        Assert.InRange(movedX - x, 250, 270);
        Assert.InRange(movedY - y, 30, 50);

        await page.FillAsync("#reentry-gap", "7d");
        await page.ClickAsync("#journey-save");
        await Expect(page).ToHaveURLAsync(new Regex(@"/journeys/\d+$"));
        var saved = Assert.Single(await server.Services.GetRequiredService<JourneyStore>().ListAsync(workspace.Id, CancellationToken.None));
        var definition = (await server.Services.GetRequiredService<JourneyStore>().VersionAsync(workspace.Id, saved.Id, null, CancellationToken.None))!.Definition;
        Assert.Equal(new ReEntryRule(ReEntryRule.Always, 3, "7d"), definition.ReEntry);
        Assert.Equal(new EntryRateLimit(100, "1h"), definition.EntryLimit);
        Assert.Equal(2, definition.Exits!.Count);
        Assert.Equal(("Order Completed", "cart_id", "property.total > 0"), (definition.Exits[0].Event, Assert.Single(definition.Exits[0].Match!), definition.Exits[0].Where));
        Assert.Equal("trait.plan = \"churned\"", definition.Exits[1].Condition);
        Assert.Equal(new ConversionGoal("Order Completed", "3d", "property.total > 1000"), definition.Goal);
        Assert.Equal(new NodePosition(movedX, movedY), definition.Nodes.Single(n => n.Id == "message_1").Position);
        Assert.Null(definition.Nodes.Single(n => n.Id == "exit_1").Position);

        // The journey page and the editor open with the node where it was put, and the editor with the rules as saved.
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='message_1']")).ToHaveAttributeAsync("data-x", movedX.ToString(CultureInfo.InvariantCulture));
        await page.GotoLiveAsync($"/journeys/{saved.Id}/edit");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-editor-map .kz-jn[data-node='message_1']")).ToHaveAttributeAsync("data-y", movedY.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#entry-reentry")).ToHaveValueAsync(ReEntryRule.Always);
        await Expect(page.Locator("#reentry-max")).ToHaveValueAsync("3");
        await Expect(page.Locator("#entry-limit-per")).ToHaveValueAsync("1h");
        await Expect(page.Locator("#exit-match-0")).ToHaveValueAsync("cart_id");
        await Expect(page.Locator("#exit-condition-1")).ToHaveValueAsync("trait.plan = \"churned\"");
        await Expect(page.Locator("#goal-where")).ToHaveValueAsync("property.total > 1000");
    }

    [Fact]
    public async Task JourneyEditor_InJapanese_LabelsTheRulesInJapanese()
    {
        var (_, email) = await server.CreateTenantAsync("ジャーニー規則");
        var page = await server.NewPageAsync(locale: "ja-JP", timeZone: "Asia/Tokyo");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync("/?culture=ja");
        await page.GotoLiveAsync("/journeys/new");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("label[for='reentry-max']")).ToHaveTextAsync("顧客ごとの最大エントリー数");
        await Expect(page.Locator("#entry-reentry option[value='never']")).ToHaveTextAsync("再エントリーしない");
        await Expect(page.Locator("#exit-add")).ToContainTextAsync("終了条件を追加");
        await Expect(page.Locator("label[for='goal-where']")).ToHaveTextAsync("ゴールのプロパティ条件");
    }
}
