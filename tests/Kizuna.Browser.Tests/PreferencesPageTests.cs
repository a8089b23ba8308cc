using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

/// <summary>The customer's preferences page in a real browser, opened by the signed link of a message alone, in English and Japanese.</summary>
public sealed class PreferencesPageTests(DashboardServer server)
{
    [Fact]
    public async Task PreferencesPage_TogglesSaved_InEnglishAndJapanese()
    {
        var page = await server.NewPageAsync();
        var (workspaceId, profileId, path) = await LinkAsync("prefs");

        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your email preferences" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("h***@example.com");
        await Expect(page.Locator("#group-newsletter")).ToBeCheckedAsync();
        await Expect(page.Locator("#group-product_updates")).Not.ToBeCheckedAsync();
        await page.ScreenshotAsync("preferences");
        await page.Locator("#group-newsletter").UncheckAsync();
        await page.Locator("#group-product_updates").CheckAsync();
        await page.ClickAsync("#save");

        await Expect(page.Locator("#notice")).ToHaveTextAsync("Your preferences are saved.");
        await Expect(page.Locator("#group-newsletter")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#group-product_updates")).ToBeCheckedAsync();
        var answers = await server.Services.GetRequiredService<ConsentService>().ReadAsync(workspaceId, profileId, CancellationToken.None);
        Assert.Equal(
            [("newsletter", SubscriptionState.Unsubscribed, "preferences"), ("product_updates", SubscriptionState.Subscribed, "preferences")],
            answers.Groups.Select(g => (g.Group!.Key, g.State, g.Source)));

        var japanese = await server.NewPageAsync(locale: "ja-JP");
        await japanese.GotoAsync(path);
        await Expect(japanese.GetByRole(AriaRole.Heading, new() { Name = "配信設定" })).ToBeVisibleAsync();
        await Expect(japanese.Locator("label.row").Filter(new() { HasTextString = "ニュースレター" })).ToHaveCountAsync(1);
        await Expect(japanese.Locator("main")).ToContainTextAsync("毎週金曜日の読みもの");
        await Expect(japanese.Locator("#group-product_updates")).ToBeCheckedAsync();
        await japanese.ScreenshotAsync("preferences-ja");
        await japanese.ClickAsync("text=English");
        await Expect(japanese.GetByRole(AriaRole.Heading, new() { Name = "Your email preferences" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PreferencesPage_AnAlteredLink_ShowsNothing()
    {
        var page = await server.NewPageAsync();
        var (_, _, path) = await LinkAsync("altered");

        var response = await page.GotoAsync(path[..^4] + (path[^4] == 'A' ? "B" : "A") + path[^3..]);

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("This link is no longer valid.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("@example.com");
    }

    /// <summary>A workspace with two topics, a customer and a message to them; the path of that message's preferences link.</summary>
    private async Task<(long WorkspaceId, long ProfileId, string Path)> LinkAsync(string name)
    {
        var (workspace, _) = await server.CreateTenantAsync(name);
        var services = server.Services;
        var groups = services.GetRequiredService<SubscriptionGroupStore>();
        await groups.CreateAsync(workspace.Id, new SubscriptionGroupDraft("newsletter", MessageChannel.Email, "Newsletter", "A weekly read, every Friday", "ニュースレター", "毎週金曜日の読みもの"), CancellationToken.None);
        await groups.CreateAsync(workspace.Id, new SubscriptionGroupDraft("product_updates", MessageChannel.Email, "Product updates", "New arrivals first", "新商品のお知らせ", "新着商品をいち早く", OptIn: true), CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        await services.GetRequiredService<IngestionPipeline>().SubmitAsync(new IngestBatch(workspace.Id, [new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString("N"), UserId = $"{name}-1",
            TraitsJson = JsonSerializer.Serialize(new { email = "hana@example.com", first_name = "Hana" }), Timestamp = now, ReceivedAt = now,
        }]), CancellationToken.None);
        var profileId = (await services.GetRequiredService<ProfileService>().ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, $"{name}-1"), CancellationToken.None))!.Value;
        // The message itself need not be sent: its row is what the link names.
        var queued = await services.GetRequiredService<OutboxStore>().QueueAsync(
            [new NewMessage(workspace.Id, profileId, MessageChannel.Email, "campaign:7", $"prefs-{Guid.NewGuid():N}", 1, 1, "hana@example.com")], CancellationToken.None);
        var token = await services.GetRequiredService<MessageLinkSigner>().SignAsync(MessageLinkKind.Preferences, new LinkTarget(workspace.Id, queued[0].Id, profileId), CancellationToken.None);
        return (workspace.Id, profileId, $"/m/preferences/{token}");
    }
}
