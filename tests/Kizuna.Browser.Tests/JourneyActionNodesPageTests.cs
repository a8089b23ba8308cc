using System.Text.RegularExpressions;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class JourneyActionNodesPageTests(DashboardServer server)
{
    [Fact]
    public async Task JourneyEditor_WebhookAndUpdateProfileNodes_RefusesABadUrlNamingTheNodeThenSavesBoth()
    {
        var (workspace, email) = await server.CreateTenantAsync("Journey actions");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoLiveAsync("/journeys/new");
        await Expect(page.Locator("#journey-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#journey-name", "Score and tag");
        await page.FillAsync("#entry-event", "Signed Up");

        // A webhook that scores the customer, then an update writing the score's tier, then the end.
        await page.ClickAsync("#add-webhook");
        await Expect(page.Locator("#node-panel")).ToHaveAttributeAsync("data-node", "webhook_1");
        await page.SelectOptionAsync("#node-webhook-method", "PUT");
        await page.FillAsync("#node-webhook-url", "crm.example.test/score");
        await page.PressAsync("#node-webhook-url", "Tab");
        await page.FillAsync("#node-webhook-headers", "X-Source: kizuna");
        await page.FillAsync("#node-webhook-body", """{"email": "{{ customer.email }}"}""");
        await page.FillAsync("#node-webhook-timeout", "5");
        await page.FillAsync("#node-webhook-retries", "1");
        await page.PressAsync("#node-webhook-retries", "Tab");
        await page.ClickAsync("#add-update_profile");
        await Expect(page.Locator("#node-panel")).ToHaveAttributeAsync("data-node", "update_profile_1");
        await page.FillAsync("#node-traits", "tier = {{ data.webhook.webhook_1.tier }}\npoints = 100");
        await page.PressAsync("#node-traits", "Tab");
        await page.FillAsync("#node-subscriptions", "sms = unsubscribed");
        await page.PressAsync("#node-subscriptions", "Tab");
        await page.ClickAsync("#add-exit");
        await Expect(page.Locator("#journey-editor-map .kz-jn")).ToHaveCountAsync(3);
        await page.Locator("#journey-editor-map .kz-jn[data-node='webhook_1']").ClickAsync();
        await Expect(page.Locator("#node-panel")).ToHaveAttributeAsync("data-node", "webhook_1");
        await page.SelectOptionAsync("#node-edge-onFailure", "exit_1");
        await Expect(page.Locator("#journey-editor-map")).ToHaveAttributeAsync("data-links", "3");

        // A URL that is not an absolute http(s) URL: refused on save, naming the node and the field.
        await page.ClickAsync("#journey-save");
        var error = page.Locator("#journey-errors li[data-node='webhook_1']");
        await Expect(error).ToHaveAttributeAsync("data-field", "nodes[0].webhook.url");
        await Expect(error).ToContainTextAsync("Node 'webhook_1'");
        await Expect(error).ToContainTextAsync("'crm.example.test/score' is not an absolute http(s) URL.");
        await Expect(page.Locator("#journey-editor-map .kz-jn.problem[data-node='webhook_1']")).ToHaveCountAsync(1);
        Assert.Empty(await server.Services.GetRequiredService<JourneyStore>().ListAsync(workspace.Id, CancellationToken.None));

        await page.FillAsync("#node-webhook-url", "https://crm.example.test/score");
        await page.PressAsync("#node-webhook-url", "Tab");
        await page.ClickAsync("#journey-save");
        await Expect(page).ToHaveURLAsync(new Regex(@"/journeys/\d+$"));

        var store = server.Services.GetRequiredService<JourneyStore>();
        var saved = Assert.Single(await store.ListAsync(workspace.Id, CancellationToken.None));
        var definition = (await store.VersionAsync(workspace.Id, saved.Id, null, CancellationToken.None))!.Definition;
        var hook = definition.Nodes[0];
        Assert.Equal(("webhook_1", JourneyNodeKinds.Webhook, "update_profile_1", "exit_1"), (hook.Id, hook.Kind, hook.Next, hook.OnFailure));
        Assert.Equal(("PUT", "https://crm.example.test/score", """{"email": "{{ customer.email }}"}""", 5, 1),
            (hook.Webhook!.Method, hook.Webhook.Url, hook.Webhook.Body, hook.Webhook.TimeoutSeconds, hook.Webhook.Retries));
        Assert.Equal("kizuna", hook.Webhook.Headers!["X-Source"]);
        var update = definition.Nodes[1];
        Assert.Equal(("update_profile_1", JourneyNodeKinds.UpdateProfile, "exit_1"), (update.Id, update.Kind, update.Next));
        Assert.Equal("{{ data.webhook.webhook_1.tier }}", update.Traits!["tier"]!.GetValue<string>());
        Assert.Equal(100, update.Traits["points"]!.GetValue<decimal>());
        Assert.Equal(new SubscriptionChange("unsubscribed", Channel: "sms"), Assert.Single(update.Subscriptions!));
        Assert.Equal(JourneyNodeKinds.Exit, definition.Nodes[2].Kind);
        await Expect(page.Locator("#journey-graph .kz-jn[data-kind='webhook']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-graph .kz-jn[data-kind='update_profile']")).ToHaveCountAsync(1);
    }
}
