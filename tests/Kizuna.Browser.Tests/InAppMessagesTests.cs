using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Messaging.Content;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kizuna.Browser;

/// <summary>
/// The in-app snippet on a shop's own page, in a real browser: the page is served from another origin than Kizuna
/// (<see cref="ShopPage"/>), so every call goes through CORS as on a customer's site.
/// </summary>
public sealed class InAppMessagesTests(DashboardServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snippet_MessageSentLive_ShowsAsModal_AndItsButtonRecordsTheClick()
    {
        var page = await server.NewPageAsync();
        var services = server.Services;
        var (workspace, _) = await server.CreateTenantAsync("inapp");
        var profileId = await CustomerAsync(workspace.Id, "shopper-1");
        var keys = services.GetRequiredService<ApiKeyService>();
        var writeKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Shop", [], Ct)).Secret;
        var secret = (await services.GetRequiredService<IdentitySecrets>().GetOrCreateAsync(workspace.Id, Ct)).Secret;
        var card = await TemplateAsync(workspace.Id, "harvest", new TemplateDraft(
            "First-flush sencha is in.", "The spring harvest", null, "content_card", new ChannelFields(Link: "https://shop.example.com/tea", Pinned: true).ToJson()));
        var modal = await TemplateAsync(workspace.Id, "welcome", new TemplateDraft(
            "Take 10% off with WELCOME10.", "Welcome, {{ customer.first_name }}!", null, "in_app",
            new ChannelFields(Layout: "modal", Buttons: [new InAppButton("Shop now", "url", "https://shop.example.com/"), new InAppButton("Later", "close")]).ToJson()));
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Server", [Scopes.MessagesSend], Ct)).Secret);
        (await api.PostAsJsonAsync("/api/messages", new { templateId = card, to = new { userId = "shopper-1" } }, Ct)).EnsureSuccessStatusCode();

        using var shop = new ShopPage($"""
            <!doctype html><html><head><title>Shop</title></head><body style="font-family: sans-serif; padding: 24px">
            <h1>Matcha &amp; Co.</h1><p>Our spring collection is here.</p><aside><h2>For you</h2><div id="cards"></div></aside>
            <script src="{server.BaseUrl}/sdk/kizuna-messages.js" data-write-key="{writeKey}" data-user-id="shopper-1"
                    data-user-hash="{IdentitySecrets.ComputeHex(secret, "shopper-1")}" data-feed="#cards"></script>
            </body></html>
            """);
        await page.GotoAsync(shop.Url);

        await Expect(page.Locator("#cards article.kz-card")).ToContainTextAsync("The spring harvest");
        await page.WaitForFunctionAsync("() => window.KizunaMessages.client && window.KizunaMessages.client.connected === true");
        await Expect(page.Locator(".kz-modal")).ToHaveCountAsync(0);
        var sent = await api.PostAsJsonAsync("/api/messages", new { templateId = modal, to = new { userId = "shopper-1" } }, Ct);
        sent.EnsureSuccessStatusCode();
        var messageId = (await sent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Welcome, Hana!" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Take 10% off with WELCOME10.");
        await page.ScreenshotAsync("in-app-modal");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Later" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        var clicked = await EventAsync(workspace.Id, profileId, "In-App Message Clicked");
        Assert.Equal((messageId, 1), (clicked.Properties!["message_id"]!.GetValue<long>(), clicked.Properties["button_index"]!.GetValue<int>()));
        Assert.NotNull(await EventAsync(workspace.Id, profileId, "In-App Message Viewed"));
        Assert.NotNull(await EventAsync(workspace.Id, profileId, "Content Card Viewed"));
    }

    [Fact]
    public async Task Snippet_SlideUpThenFullScreen_ShownInTurn_AndDismissalsRecorded()
    {
        var page = await server.NewPageAsync();
        var services = server.Services;
        var (workspace, _) = await server.CreateTenantAsync("inapp-layouts");
        var profileId = await CustomerAsync(workspace.Id, "shopper-2");
        var writeKey = (await services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Write, "Shop", [], Ct)).Secret;
        var secret = (await services.GetRequiredService<IdentitySecrets>().GetOrCreateAsync(workspace.Id, Ct)).Secret;
        var messages = services.GetRequiredService<Kizuna.Messaging.MessageService>();
        var to = new ProfileLookup(ProfileLookupKind.UserId, "shopper-2");
        foreach (var (name, draft) in new[]
        {
            ("slide", new TemplateDraft("Free shipping over ¥5,000 today.", null, null, "in_app", new ChannelFields(Layout: "slide_up").ToJson())),
            ("full", new TemplateDraft("Our new tea room opens on Saturday.", "Grand opening", null, "in_app", new ChannelFields(Layout: "full_screen", Buttons: [new InAppButton("OK", "close")]).ToJson())),
            ("points", new TemplateDraft("Double points all week.", "Points week", null, "content_card", null)),
        })
        {
            await messages.SendAsync(workspace.Id, new Kizuna.Messaging.TransactionalSend(await TemplateAsync(workspace.Id, name, draft), to), Ct);
        }

        var store = services.GetRequiredService<InAppStore>();
        for (var tries = 0; (await store.ListAsync(workspace.Id, profileId, Kizuna.Messaging.MessageChannel.InApp, TimeProvider.System.GetUtcNow(), Ct)).Count < 2
            || (await store.ListAsync(workspace.Id, profileId, Kizuna.Messaging.MessageChannel.ContentCard, TimeProvider.System.GetUtcNow(), Ct)).Count < 1; tries++)
        {
            Assert.True(tries < 600, "The outbox did not deliver the messages.");
            await Task.Delay(50, Ct);   // the outbox delivers them in the background
        }

        using var shop = new ShopPage($"""
            <!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1><div id="cards"></div>
            <script src="{server.BaseUrl}/sdk/kizuna-messages.js" data-write-key="{writeKey}" data-user-id="shopper-2"
                    data-user-hash="{IdentitySecrets.ComputeHex(secret, "shopper-2")}" data-feed="#cards"></script>
            </body></html>
            """);
        await page.GotoAsync(shop.Url);

        var slide = page.Locator(".kz-slide_up");
        await Expect(slide).ToContainTextAsync("Free shipping over ¥5,000 today.");
        await Expect(page.Locator(".kz-full_screen")).ToHaveCountAsync(0);   // one at a time
        await slide.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        var full = page.GetByRole(AriaRole.Dialog, new() { Name = "Grand opening" });
        await Expect(full).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kz-full_screen"));
        await full.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await page.Locator("#cards article.kz-card").GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();

        await Expect(page.Locator("#cards")).ToContainTextAsync("No messages right now.");
        await EventAsync(workspace.Id, profileId, "In-App Message Dismissed");
        await EventAsync(workspace.Id, profileId, "In-App Message Clicked");
        await EventAsync(workspace.Id, profileId, "Content Card Dismissed");
        Assert.Empty(await store.ListAsync(workspace.Id, profileId, Kizuna.Messaging.MessageChannel.InApp, TimeProvider.System.GetUtcNow(), Ct));
    }

    private async Task<long> CustomerAsync(long workspaceId, string userId)
    {
        var now = TimeProvider.System.GetUtcNow();
        await server.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(new IngestBatch(workspaceId, [new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString("N"), UserId = userId,
            TraitsJson = JsonSerializer.Serialize(new { first_name = "Hana" }), Timestamp = now, ReceivedAt = now,
        }]), Ct);
        return (await server.Services.GetRequiredService<ProfileService>().ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct))!.Value;
    }

    private async Task<long> TemplateAsync(long workspaceId, string name, TemplateDraft draft) =>
        (await server.Services.GetRequiredService<TemplateLibrary>().CreateAsync(workspaceId, TemplateKind.Template, name, draft, "test", Ct)).Template!.Id;

    /// <summary>The event on the customer's timeline, once the page's call has written it (about 20 s at most).</summary>
    private async Task<TimelineEvent> EventAsync(long workspaceId, long profileId, string name)
    {
        for (var tries = 0; ; tries++)
        {
            var timeline = await server.Services.GetRequiredService<ProfileService>().TimelineAsync(workspaceId, profileId, null, 50, Ct);
            if (timeline.FirstOrDefault(e => e.Name == name) is { } found)
            {
                return found;
            }

            Assert.True(tries < 400, $"No '{name}' event on the customer's timeline; it has {string.Join(", ", timeline.Select(e => e.Name))}.");
            await Task.Delay(50, Ct);
        }
    }
}
