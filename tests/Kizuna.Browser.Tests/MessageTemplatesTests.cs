using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class MessageTemplatesTests(DashboardServer server)
{
    [Fact]
    public async Task Editor_ForAChosenCustomer_PreviewsEachChannelShowsProblemsAndTestSends()
    {
        var (workspace, email) = await server.CreateTenantAsync("Templates");
        await server.SeedAsync(workspace.Id, new SeedCustomer("mt-1", "Hina Ueda", "hina@example.test", "gold", []));
        var welcome = await server.TemplateAsync(workspace.Id, "welcome", new TemplateDraft(
            "<html><body><p>Hi {{ customer.email }}</p><p>{{ customer.traits.plan }} plan</p></body></html>", "Hello {{ customer.email }}",
            ChannelFields: new ChannelFields(Preheader: "Our spring picks for {{ customer.traits.plan }}").ToJson()));
        var sms = await server.TemplateAsync(workspace.Id, "thanks_sms", new TemplateDraft("ご注文ありがとうございます。{{ customer.email }} 様", Channel: "sms", ChannelFields: "{}"));
        await server.TemplateAsync(workspace.Id, "shipped_push", new TemplateDraft("Your order is on its way", "Shipped", Channel: "push", ChannelFields: new ChannelFields(DeepLink: "app://orders").ToJson()));

        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.ClickAsync("#nav-messaging-templates");
        await Expect(page.Locator("#templates-table tbody tr")).ToHaveCountAsync(3);
        await page.ClickAsync("#channel-sms");
        await Expect(page.Locator("#templates-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#templates-table [data-field='channel']")).ToHaveAttributeAsync("data-channel", "sms");

        // The text's segments are what the sender counts for the text this customer gets.
        await page.GotoAsync($"/messaging/templates/{sms}");
        await Expect(page.Locator("#template-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#preview-user", "mt-1");
        var text = "ご注文ありがとうございます。hina@example.test 様";
        await Expect(page.Locator("#preview-sms")).ToHaveTextAsync(text);
        var count = SmsSegments.Count(text);
        await Expect(page.Locator("#preview-segments")).ToHaveAttributeAsync("data-segments", count.Segments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#preview-segments")).ToHaveAttributeAsync("data-encoding", "Ucs2");

        await page.GotoAsync($"/messaging/templates/{welcome}");
        await Expect(page.Locator("#template-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#preview-user", "mt-1");
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Hello hina@example.test");
        await Expect(page.Locator("#preview-preheader")).ToHaveTextAsync("Our spring picks for gold");
        await Expect(page.Locator("#preview-frame")).ToHaveAttributeAsync("sandbox", "");
        await Expect(page.Locator("#preview-frame")).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("<p>Hi hina@example.test</p>"));
        await Expect(page.FrameLocator("#preview-frame").Locator("p").First).ToHaveTextAsync("Hi hina@example.test");
        await page.ScreenshotAsync("messaging-templates");

        await page.FillAsync("#test-user", "mt-1");
        await page.ClickAsync("#test-send-button");
        var sent = page.Locator("#test-result[data-message-id]");
        await Expect(sent).ToHaveCountAsync(1);
        var id = long.Parse((await sent.GetAttributeAsync("data-message-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        var message = await server.WaitForAsync(workspace.Id, id, OutboxState.Sent);
        Assert.Equal(("test", welcome, 1, "hina@example.test"), (message.Source, message.TemplateId, message.TemplateVersion, message.Recipient));

        await page.FillAsync("#template-body", "<p>{{ customer.email </p>\n<p>ok</p>");
        var problem = page.Locator("#template-problems li").First;
        await Expect(problem).ToHaveAttributeAsync("data-line", "1");
        await Expect(problem).ToHaveAttributeAsync("data-field", "html");
        await page.ClickAsync("#template-save");
        await Expect(page.Locator("#template-save-error")).ToContainTextAsync("html");
        var stored = await server.Services.GetRequiredService<TemplateStore>().FindAsync(workspace.Id, welcome, null, CancellationToken.None);
        Assert.Equal(1, stored!.Version);
    }

    [Fact]
    public async Task Editor_NewPushTemplate_SavesAndShowsThePhoneNotification()
    {
        var (workspace, email) = await server.CreateTenantAsync("Push template");
        var page = await server.NewPageAsync();
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/messaging/templates/new?channel=push");
        await Expect(page.Locator("#template-editor[data-live='true']")).ToHaveCountAsync(1);
        await page.FillAsync("#template-name", "back_in_stock");
        await page.FillAsync("#template-subject", "Back in stock");
        await page.FillAsync("#template-body", "{{ 'Gyokuro' | upcase }} is back");
        await page.FillAsync("#template-deeplink", "app://products/7");
        await Expect(page.Locator("#preview-push-body")).ToHaveTextAsync("GYOKURO is back");
        await Expect(page.Locator("#preview-push-title")).ToHaveTextAsync("Back in stock");
        await page.ClickAsync("#template-save");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/messaging/templates/\d+$"));

        var saved = await server.Services.GetRequiredService<TemplateStore>().FindByNameAsync(workspace.Id, TemplateKind.Template, "back_in_stock", CancellationToken.None);
        Assert.Equal(("push", "Back in stock", "app://products/7"), (saved!.Channel, saved.Subject, ChannelFields.Parse(saved.ChannelFields).DeepLink));
    }
}
