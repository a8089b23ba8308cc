using Kizuna.Messaging.Log;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class MessageLogTests(DashboardServer server)
{
    [Fact]
    public async Task LogAndCatchers_AfterSends_ShowTheOutboxStatesEventsAndCaughtMessages()
    {
        var (workspace, email) = await server.CreateTenantAsync("Message log");
        await server.SeedAsync(workspace.Id, new SeedCustomer("ml-1", "Sora Ito", "sora@example.test", "gold", []));
        var receipt = await server.TemplateAsync(workspace.Id, "receipt", new TemplateDraft("<p>Receipt {{ data.n }}</p>", "Your receipt"));
        var text = await server.TemplateAsync(workspace.Id, "sms_code", new TemplateDraft("Your code is 4821", Channel: "sms", ChannelFields: "{}"));
        var sold = await server.TemplateAsync(workspace.Id, "sold_out", new TemplateDraft("{% abort_message \"sold out\" %}<p>never</p>", "Never"));
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await server.SendAsync(workspace.Id, receipt, "ml-1")).Id);
        }

        ids.Add((await server.SendAsync(workspace.Id, text, "ml-1", phone: "+819012345678")).Id);
        var skipped = (await server.SendAsync(workspace.Id, sold, "ml-1")).Id;
        foreach (var id in ids)
        {
            await server.WaitForAsync(workspace.Id, id, OutboxState.Sent);
        }

        await server.WaitForAsync(workspace.Id, skipped, OutboxState.Suppressed);
        var log = server.Services.GetRequiredService<MessageLog>();
        var first = (await server.Services.GetRequiredService<OutboxStore>().FindAsync(workspace.Id, ids[0], CancellationToken.None))!;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while ((await log.EngagementAsync(first, timeout.Token)).Count == 0)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        var counts = await log.CountsAsync(workspace.Id, new MessageLogFilter(), CancellationToken.None);
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-messaging-log");
        await Expect(page.Locator("#log-filters[data-live='true']")).ToHaveCountAsync(1);
        var rows = page.Locator("#messages-table tbody tr:has([data-field='id'])");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.Locator("#state-counts [data-state='sent']")).ToHaveAttributeAsync("data-count", counts[OutboxState.Sent].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#state-counts [data-state='suppressed']")).ToHaveAttributeAsync("data-count", "1");
        Assert.Equal((4, 1), (counts[OutboxState.Sent], counts[OutboxState.Suppressed]));

        await page.Locator("#state-counts [data-state='suppressed']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("[data-field='template']")).ToContainTextAsync("sold_out");
        await page.Locator("#state-counts [data-state='all']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);

        await rows.Filter(new() { Has = page.Locator($"[data-field='id']:text-is('{ids[0]}')") }).ClickAsync();
        await Expect(page.Locator($"#message-detail[data-message-id='{ids[0]}']")).ToHaveCountAsync(1);
        // A busy machine may defer a send once (a deferred → sending pair in between); the story still starts and ends so.
        var history = page.Locator("#message-history [data-state]");
        await Expect(history.First).ToHaveTextAsync("queued");
        await Expect(history.Nth(1)).ToHaveTextAsync("sending");
        await Expect(history.Last).ToHaveTextAsync("sent");
        await Expect(page.Locator("#message-events li[data-name='Email Sent']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("messaging-log");

        await page.ClickAsync("#nav-messaging-caught");
        await Expect(page.Locator("#caught-email tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#caught-email [data-field='subject']").First).ToHaveTextAsync("Your receipt");
        await page.Locator("#caught-email tbody tr").First.ClickAsync();
        await Expect(page.Locator("#caught-email-view")).ToContainTextAsync("Your receipt");
        await page.ScreenshotAsync("messaging-catchers");
        await page.GetByRole(AriaRole.Tab, new() { Name = "SMS (1)" }).ClickAsync();
        await Expect(page.Locator("#caught-sms [data-field='body']")).ToContainTextAsync("Body: Your code is 4821");
    }
}
