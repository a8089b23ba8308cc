using System.Text.RegularExpressions;
using Kizuna.Journeys;
using Kizuna.Journeys.Storage;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class JourneyPagesTests(DashboardServer server)
{
    [Fact]
    public async Task JourneyList_LaunchPauseResume_ChangesTheStateAsTheApiWould()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journeys");
        var journey = await server.ReadyJourneyAsync(workspace.Id, "abandoned_cart", "Cart rescue", launch: false);

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-journeys");
        await Expect(page.Locator("#journey-states[data-live='true']")).ToHaveCountAsync(1);
        var row = page.Locator("#journeys-table tbody tr").Filter(new() { HasText = "Cart rescue" });
        await Expect(row.Locator(".kz-journey-state")).ToHaveAttributeAsync("data-state", "draft");
        await Expect(row.Locator("[data-field='trigger']")).ToHaveTextAsync("Event: Checkout Started");

        await row.Locator(".kz-journey-launch").ClickAsync();
        await Expect(row.Locator(".kz-journey-state")).ToHaveAttributeAsync("data-state", "live");
        await row.Locator(".kz-journey-pause").ClickAsync();
        await Expect(row.Locator(".kz-journey-state")).ToHaveAttributeAsync("data-state", "paused");
        Assert.Equal(JourneyStates.Paused, (await server.Services.GetRequiredService<JourneyStore>().FindAsync(workspace.Id, journey.Id, CancellationToken.None))!.State);
        await row.Locator(".kz-journey-resume").ClickAsync();
        await Expect(row.Locator(".kz-journey-state")).ToHaveAttributeAsync("data-state", "live");
        await Expect(row.Locator(".kz-journey-launch")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task JourneyList_Viewer_SeesNoActions()
    {
        var (workspace, _) = await server.CreateTenantAsync("Journeys viewer");
        await server.ReadyJourneyAsync(workspace.Id, "welcome_series", "Welcome", launch: true);
        var users = server.Services.GetRequiredService<Kizuna.Workspaces.UserService>();
        var viewer = $"viewer-{Guid.NewGuid():N}"[..16] + "@example.test";
        var user = await users.CreateAsync(viewer, "Viewer", DashboardServer.UserPassword, CancellationToken.None);
        await server.Services.GetRequiredService<Kizuna.Workspaces.WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, Kizuna.Workspaces.Role.Viewer, CancellationToken.None);

        var page = await server.NewPageAsync();
        await page.LoginAsync(viewer, DashboardServer.UserPassword);
        await page.GotoAsync("/journeys");
        await Expect(page.Locator("#journey-states[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journeys-table tbody tr").Filter(new() { HasText = "Welcome" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".kz-journey-actions")).ToHaveCountAsync(0);
        await Expect(page.Locator("#journey-create")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task JourneyDetail_CustomersSentThroughIngestion_ShowsPerNodeCountsConversionsAndPaths()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey detail");
        var journey = await server.ReadyJourneyAsync(workspace.Id, "welcome_series", "Welcome series", launch: true);
        using var site = await server.SiteAsync(workspace.Id);
        foreach (var user in new[] { "jd-aoi", "jd-ren", "jd-mio" })
        {
            await site.IdentifyAsync(user, new { email = $"{user}@example.test", first_name = user[3..] });
            await site.TrackAsync(user, "Signed Up", new { source = "shop" });
        }

        // Each gets the welcome email at once and waits two days; one of them orders, which is the goal.
        await server.WaitForTotalsAsync(workspace.Id, journey.Id, t => t.Entered == 3 && t.Open == 3);
        await site.TrackAsync("jd-ren", "Order Completed", new { order_id = "jd-o-1", total = 4_200, currency = "JPY" });
        await server.WaitForTotalsAsync(workspace.Id, journey.Id, t => t.Converted == 1);

        // Beside it, the other states the list shows: a live abandoned cart two customers are in, a draft, a paused journey.
        var cart = await server.ReadyJourneyAsync(workspace.Id, "abandoned_cart", "Abandoned cart", launch: true);
        await server.ReadyJourneyAsync(workspace.Id, "browse_abandonment", "Browse abandonment", launch: false);
        var nps = await server.ReadyJourneyAsync(workspace.Id, "post_purchase_nps", "Post-purchase NPS", launch: true);
        await server.Services.GetRequiredService<JourneyService>().PauseAsync(workspace.Id, nps.Id, CancellationToken.None);
        await site.TrackAsync("jd-aoi", "Checkout Started", new { cart_id = "jd-c-1", products = new[] { new { name = "Sencha", quantity = 1 } } });
        await site.TrackAsync("jd-mio", "Checkout Started", new { cart_id = "jd-c-2", products = new[] { new { name = "Hojicha", quantity = 2 } } });
        await server.WaitForTotalsAsync(workspace.Id, cart.Id, t => t.Entered == 2);

        // Two days later (the server's clock moved ahead): the one who ordered leaves at the branch, the others get the tips email and wait five days.
        server.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        try
        {
            await server.WaitForTotalsAsync(workspace.Id, journey.Id, t => t.Exited == 1 && t.Open == 2);
            await DetailPagesAsync(email, workspace.Id, journey.Id);
        }
        finally
        {
            server.Clock.Reset();
        }
    }

    private async Task DetailPagesAsync(string email, long workspaceId, long journeyId)
    {
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/journeys");
        var row = page.Locator("#journeys-table tbody tr").Filter(new() { HasText = "Welcome series" });
        await Expect(page.Locator("#journey-states [data-state='paused']")).ToContainTextAsync("(1)");
        await Expect(row.Locator("[data-field='entered']")).ToHaveTextAsync("3");
        await Expect(row.Locator("[data-field='active']")).ToHaveTextAsync("2");
        await Expect(row.Locator("[data-field='converted']")).ToHaveTextAsync("1");
        await page.ScreenshotAsync("journeys");

        await row.Locator(".kz-journey-name").ClickAsync();
        await Expect(page.Locator("#journey-detail[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-headline [data-metric='entered']")).ToHaveAttributeAsync("data-value", "3");
        await Expect(page.Locator("#journey-headline [data-metric='converted']")).ToHaveAttributeAsync("data-value", "1");
        var welcome = page.Locator("#journey-graph .kz-jn[data-node='welcome']");
        await Expect(welcome.Locator("[data-count='entered']")).ToHaveAttributeAsync("data-value", "3");
        await Expect(welcome.Locator("[data-count='passed']")).ToHaveAttributeAsync("data-value", "3");
        var wait = page.Locator("#journey-graph .kz-jn[data-node='wait_2d']");
        await Expect(wait.Locator("[data-count='waiting']")).ToHaveAttributeAsync("data-value", "0");
        await Expect(wait.Locator("[data-count='passed']")).ToHaveAttributeAsync("data-value", "3");
        await Expect(wait.Locator("[data-count='converted']")).ToHaveAttributeAsync("data-value", "1");
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='tips'] [data-count='entered']")).ToHaveAttributeAsync("data-value", "2");
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='wait_5d'] [data-count='waiting']")).ToHaveAttributeAsync("data-value", "2");
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='done'] [data-count='entered']")).ToHaveAttributeAsync("data-value", "1");
        await Expect(page.Locator("#journey-headline [data-metric='exited']")).ToHaveAttributeAsync("data-value", "1");
        await Expect(page.Locator("#journey-graph")).ToHaveAttributeAsync("data-links", "7");
        await Expect(page.Locator("#journey-versions tr[data-version='1']")).ToHaveCountAsync(1);

        // One customer's path, step by step.
        await page.FillAsync("#journey-customer-id", "jd-ren");
        await page.ClickAsync("#journey-customer-show");
        var entry = page.Locator("#journey-customer-entries .kz-journey-entry");
        await Expect(entry).ToHaveAttributeAsync("data-state", "exited");
        await Expect(entry.Locator(".kz-path-step[data-node='welcome']")).ToHaveAttributeAsync("data-outcome", "sent");
        await Expect(entry.Locator(".kz-path-step[data-node='wait_2d']")).ToHaveCountAsync(2);
        await Expect(entry.Locator(".kz-path-step[data-node='ordered']")).ToHaveAttributeAsync("data-outcome", "branch:yes");
        await Expect(entry.Locator(".kz-path-step[data-node='done']")).ToHaveAttributeAsync("data-outcome", "exited");
        await Expect(entry).ToContainTextAsync("★");

        // The customer's page lists the journeys they are or were in, each with its path and the steps' times.
        var profileId = await server.Services.GetRequiredService<Kizuna.Profiles.ProfileService>().ResolveAsync(
            workspaceId, new Kizuna.Profiles.ProfileLookup(Kizuna.Profiles.ProfileLookupKind.UserId, "jd-ren"), CancellationToken.None);
        await page.GotoAsync($"/customers/{profileId}");
        var journeys = page.Locator($"#customer-journeys .kz-journey-entry[data-journey='{journeyId}']");
        await Expect(journeys).ToHaveAttributeAsync("data-state", "exited");
        await Expect(journeys).ToContainTextAsync("Welcome series");
        await Expect(journeys.Locator(".kz-path-step[data-node='welcome']")).ToHaveAttributeAsync("data-outcome", "sent");
        await Expect(journeys.Locator(".kz-path-step[data-node='ordered']")).ToHaveAttributeAsync("data-outcome", "branch:yes");
        await Expect(journeys.Locator(".kz-path-step")).ToHaveCountAsync(5);
        await page.ScreenshotAsync("customer-journeys");
        await Expect(journeys.Locator(".kz-path-step[data-node='welcome'] .kz-time")).ToHaveAttributeAsync("title", new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"));
    }

    [Fact]
    public async Task JourneyEditor_NodesFromThePalette_RefusesAWaitWithoutTimeoutThenSavesAValidJourney()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey editor");
        await server.TemplateAsync(workspace.Id, "thanks_mail", new TemplateDraft("<p>Thank you.</p>", "Thank you"));

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync("/journeys");
        await page.ClickAsync("#journey-create");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#journey-name", "Thank you flow");
        await page.FillAsync("#entry-event", "Order Completed");
        await page.ClickAsync("#add-wait_event");
        await Expect(page.Locator("#node-panel")).ToHaveAttributeAsync("data-node", "wait_event_1");
        await page.FillAsync("#node-event", "Review Written");
        await page.FillAsync("#node-timeout", "");
        await page.PressAsync("#node-timeout", "Tab");
        await page.ClickAsync("#add-message");
        await page.SelectOptionAsync("#node-template", new Microsoft.Playwright.SelectOptionValue { Label = "thanks_mail" });
        await page.ClickAsync("#add-exit");
        await Expect(page.Locator("#journey-editor-map .kz-jn")).ToHaveCountAsync(3);
        await Expect(page.Locator("#journey-editor-map")).ToHaveAttributeAsync("data-links", "2");

        // The wait has no timeout: refused, naming the node and the field.
        await page.ClickAsync("#journey-save");
        var error = page.Locator("#journey-errors li[data-node='wait_event_1']");
        await Expect(error).ToHaveAttributeAsync("data-field", "nodes[0].timeout");
        await Expect(error).ToContainTextAsync("Node 'wait_event_1'");
        await Expect(page.Locator("#journey-editor-map .kz-jn.problem[data-node='wait_event_1']")).ToHaveCountAsync(1);
        Assert.Empty(await server.Services.GetRequiredService<JourneyStore>().ListAsync(workspace.Id, CancellationToken.None));

        await page.Locator("#journey-editor-map .kz-jn[data-node='wait_event_1']").ClickAsync();
        await page.FillAsync("#node-timeout", "3d");
        await page.PressAsync("#node-timeout", "Tab");
        await page.SelectOptionAsync("#node-edge-onTimeout", "exit_1");
        await page.ClickAsync("#journey-validate");
        await Expect(page.Locator("#journey-valid")).ToBeVisibleAsync();

        await page.ClickAsync("#journey-save");
        await Expect(page).ToHaveURLAsync(new Regex(@"/journeys/\d+$"));
        var saved = Assert.Single(await server.Services.GetRequiredService<JourneyStore>().ListAsync(workspace.Id, CancellationToken.None));
        var version = (await server.Services.GetRequiredService<JourneyStore>().VersionAsync(workspace.Id, saved.Id, 1, CancellationToken.None))!;
        Assert.Equal(("Thank you flow", JourneyStates.Draft), (saved.Name, saved.State));
        Assert.Equal(["wait_event_1", "message_1", "exit_1"], version.Definition.Nodes.Select(n => n.Id));
        Assert.Equal(("message_1", "exit_1"), (version.Definition.Nodes[0].Next, version.Definition.Nodes[0].OnTimeout));
        Assert.Equal("exit_1", version.Definition.Nodes[1].Next);
        await Expect(page.Locator("#journey-graph .kz-jn")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task JourneyEditor_FromReadyMadeJourney_ConnectsByDraggingAndSavesANewVersion()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey template");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/journeys/new");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#journey-template", "abandoned_cart");
        await page.ClickAsync("#journey-template-start");
        await Expect(page).ToHaveURLAsync(new Regex(@"/journeys/\d+/edit$"));
        await Expect(page.Locator("#journey-editor[data-live='true'][data-nodes='5']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-editor-map")).ToHaveAttributeAsync("data-links", "6");

        // An SMS offer only for carts over 50: a branch dragged into place between the wait and the offer.
        await page.Locator("#journey-editor-map .kz-jn[data-node='wait_offer']").ClickAsync();
        await page.SelectOptionAsync("#node-edge-onTimeout", "");
        await page.ClickAsync("#add-branch");
        await page.FillAsync("#node-entry-where", "property.total > 50");
        await page.SelectOptionAsync("#node-edge-else", "done");
        await Expect(page.Locator("#journey-editor-map")).ToHaveAttributeAsync("data-links", "7");
        var from = page.Locator("#journey-editor-map .kz-jn[data-node='branch_1'] .kz-jn-out[data-edge='next'] .kz-port");
        var to = page.Locator("#journey-editor-map .kz-jn[data-node='offer_sms']");
        await from.DragToAsync(to);
        await Expect(page.Locator("#journey-editor-map")).ToHaveAttributeAsync("data-links", "8");
        await page.Locator("#journey-editor-map .kz-jn[data-node='branch_1']").ClickAsync();
        await Expect(page.Locator("#node-edge-next")).ToHaveValueAsync("offer_sms");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("journey-editor");

        await page.ClickAsync("#journey-save");
        await Expect(page).ToHaveURLAsync(new Regex(@"/journeys/\d+$"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var version = (await server.Services.GetRequiredService<JourneyStore>().VersionAsync(workspace.Id, id, null, CancellationToken.None))!;
        Assert.Equal(2, version.Version);
        var branch = Assert.Single(version.Definition.Nodes, n => n.Id == "branch_1");
        Assert.Equal(("offer_sms", "done", "property.total > 50"), (branch.Next, branch.Else, branch.EntryWhere));
        Assert.Equal("branch_1", version.Definition.Nodes.Single(n => n.Id == "wait_offer").OnTimeout);
        await Expect(page.Locator("#journey-versions tr[data-version='2']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task JourneySimulation_HypotheticalCustomer_ShowsTheCartEmailPathAndWritesNothing()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey simulation");
        var journey = await server.ReadyJourneyAsync(workspace.Id, "abandoned_cart", "Abandoned cart", launch: true);

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync($"/journeys/{journey.Id}");
        await page.ClickAsync("#journey-simulate");
        await Expect(page.Locator("#journey-simulation[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sim-event")).ToHaveValueAsync("Checkout Started");
        await page.CheckAsync("#sim-hypothetical");
        await page.FillAsync("#sim-traits", """{ "email": "aoi@example.test", "phone": "+14155552671" }""");
        await page.FillAsync("#sim-properties", """{ "cart_id": "c-1", "products": [{ "name": "Sencha Kabuse", "quantity": 2 }] }""");
        await page.FillAsync("#sim-start", "2026-04-07T09:00:00Z");
        await page.ClickAsync("#sim-run");
        await Expect(page.Locator("#sim-result")).ToHaveAttributeAsync("data-state", "exited");
        await Expect(page.Locator("#sim-steps li[data-node='wait_order'][data-outcome='timed_out']")).ToHaveCountAsync(1);
        var mail = page.Locator("#sim-steps li[data-node='cart_email'][data-outcome='sent']");
        await Expect(mail.Locator(".kz-sim-subject")).ToHaveTextAsync("You left something in your cart");
        await Expect(mail.Locator(".kz-sim-text")).ToContainTextAsync("Sencha Kabuse × 2");
        await Expect(page.Locator("#sim-steps li[data-node='offer_sms'][data-outcome='sent']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("journey-simulation");

        // The order within the hour: the path ends at the wait, with no message.
        await page.FillAsync("#sim-events", """[{ "name": "Order Completed", "after": "30m", "properties": { "cart_id": "c-1" } }]""");
        await page.ClickAsync("#sim-run");
        await Expect(page.Locator("#sim-result")).ToHaveAttributeAsync("data-steps", "2");
        await Expect(page.Locator("#sim-steps li[data-node='wait_order'][data-outcome='exited']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sim-steps .kz-sim-message")).ToHaveCountAsync(0);

        // Bad input names the field; nothing was ever written.
        await page.FillAsync("#sim-horizon", "forever");
        await page.ClickAsync("#sim-run");
        await Expect(page.Locator("#sim-problem")).ToContainTextAsync("horizon");
        var totals = await server.Services.GetRequiredService<EntryStore>().TotalsAsync(workspace.Id, CancellationToken.None);
        Assert.False(totals.ContainsKey(journey.Id));
    }

    [Fact]
    public async Task JourneyPages_InJapanese_ShowListDetailAndEditorInJapanese()
    {
        var (workspace, email) = await server.CreateTenantAsync("ジャーニー");
        var journey = await server.ReadyJourneyAsync(workspace.Id, "welcome_series", "ようこそシリーズ", launch: true);

        var page = await server.NewPageAsync(locale: "ja-JP", timeZone: "Asia/Tokyo");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync("/?culture=ja");
        await Expect(page.Locator("#nav-journeys")).ToHaveTextAsync("ジャーニー");
        await page.ClickAsync("#nav-journeys");
        var row = page.Locator("#journeys-table tbody tr").Filter(new() { HasText = "ようこそシリーズ" });
        await Expect(row.Locator(".kz-journey-state")).ToHaveTextAsync("公開中");
        await Expect(row.Locator("[data-field='trigger']")).ToHaveTextAsync("イベント: Signed Up");
        await Expect(page.Locator("#journey-create")).ToHaveTextAsync("新規ジャーニー");

        await page.GotoAsync($"/journeys/{journey.Id}");
        await Expect(page.Locator("#journey-detail[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-graph .kz-jn[data-node='welcome'] .kz-jn-kind")).ToHaveTextAsync("メッセージ");
        await Expect(page.Locator("#journey-headline [data-metric='entered']")).ToContainTextAsync("開始");
        await Expect(page.Locator("#journey-simulate")).ToContainTextAsync("シミュレーション");

        await page.GotoAsync($"/journeys/{journey.Id}/edit");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-save")).ToContainTextAsync("新しいバージョンとして保存");
        await Expect(page.Locator("#add-wait_event")).ToContainTextAsync("イベント待ち");
    }
}
