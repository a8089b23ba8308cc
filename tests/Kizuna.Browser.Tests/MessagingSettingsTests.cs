using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

public sealed class MessagingSettingsTests(DashboardServer server)
{
    [Fact]
    public async Task GroupsAndSettings_InJapanese_SaveWhatTheApiReads()
    {
        var (workspace, email) = await server.CreateTenantAsync("Messaging settings");
        var page = await server.NewPageAsync(locale: "ja-JP");
        await page.LoginAsync(email, DashboardServer.UserPassword);
        await page.GotoAsync("/messaging/groups?culture=ja");
        await Expect(page.Locator("#group-form[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("h4")).ToHaveTextAsync("購読グループ");
        await page.FillAsync("#group-key", "News Letter");
        await page.ClickAsync("#group-add");
        await Expect(page.Locator("#group-error")).ToContainTextAsync("key");
        await page.FillAsync("#group-key", "newsletter");
        await page.FillAsync("#group-name", "Newsletter");
        await page.FillAsync("#group-name-ja", "ニュースレター");
        await page.ClickAsync("#group-add");
        await Expect(page.Locator("#groups-table [data-field='key']")).ToHaveTextAsync(["newsletter"]);
        var group = await server.Services.GetRequiredService<SubscriptionGroupStore>().FindByKeyAsync(workspace.Id, "newsletter", CancellationToken.None);
        Assert.Equal(("Newsletter", "ニュースレター", MessageChannel.Email), (group!.Name, group.NameJa, group.Channel));

        await page.ClickAsync("#nav-messaging-settings");
        await Expect(page.Locator("#settings-caps[data-live='true']")).ToHaveCountAsync(1);
        await page.ClickAsync("#cap-add");
        await page.Locator(".kz-cap [data-part='window']").FillAsync("two days");
        await page.ClickAsync("#settings-save");
        await Expect(page.Locator("#settings-error")).ToContainTextAsync("frequencyCaps[0].window");
        await page.Locator(".kz-cap [data-part='limit']").FillAsync("2");
        await page.Locator(".kz-cap [data-part='window']").FillAsync("P1D");
        await page.Locator("#control-percent").FillAsync("5");
        await page.ClickAsync("#settings-save");
        await Expect(page.Locator("#settings-error")).ToHaveCountAsync(0);

        await page.ClickAsync("#smtp-test");
        await Expect(page.Locator("#smtp-result")).ToHaveAttributeAsync("data-ok", "true");
        await page.ClickAsync("#sms-test");
        await Expect(page.Locator("#sms-result")).ToHaveAttributeAsync("data-ok", "true");
        await page.ClickAsync("#push-test");
        await Expect(page.Locator("#push-result")).ToHaveAttributeAsync("data-ok", "true");

        var store = server.Services.GetRequiredService<MessagingSettingsStore>();
        MessagingSettings saved;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((saved = await store.GetAsync(workspace.Id, timeout.Token)).FrequencyCaps.Count == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal([new FrequencyCap("email", 2, "P1D", "skip")], saved.FrequencyCaps);
        Assert.Equal(5, saved.ControlGroup!.Percent);
    }
}
