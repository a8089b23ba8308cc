using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>The customer's own pages through the real server: one-click unsubscribe, the unsubscribe page and the preferences page, by signed link alone.</summary>
public sealed class ConsentPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task OneClickUnsubscribe_WithoutSignIn_IsHonouredBeforeTheNextMessage(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        var profile = await server.CustomerAsync("u-1", "yui@example.com");
        var template = await server.TemplateAsync("<p>Sale today</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");
        var first = await server.SendAsync(template, "u-1", "sent");
        var header = (await server.CaughtAsync(first.Id)).ListUnsubscribe!;

        // What Gmail does for List-Unsubscribe-Post: a POST to the header's address, no cookie, no key.
        var oneClick = await server.Anonymous.PostAsync(ConsentServer.PathOf(header, "unsubscribe"),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var email = (await server.SubscriptionsAsync(profile)).Channels.Single(c => c.Channel == "email");
        Assert.Equal(("unsubscribed", "one_click", false), (email.State, email.Source, email.ReceivesMarketing));
        var unsubscribed = Assert.Single(await server.TimelineAsync(profile), e => e.Name == "Unsubscribed");
        Assert.Equal("one_click", unsubscribed.Properties!["source"]!.GetValue<string>());

        var next = await server.SendAsync(template, "u-1", "suppressed");
        Assert.Equal("No consent: the recipient unsubscribed from email.", next.LastError);
        await server.SendAsync(template, "u-1", "sent", transactional: true);   // a receipt still goes
    }

    [Fact]
    public async Task UnsubscribeLink_OfAGroupMessage_LeavesThatGroupOnly()
    {
        await using var server = await ConsentServer.StartAsync();
        var profile = await server.CustomerAsync("u-2", "ken@example.com");
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter", NameJa: "ニュースレター"), Ct)).EnsureSuccessStatusCode();
        var template = await server.TemplateAsync("<p>Issue 12</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>");
        var sent = await server.SendAsync(template, "u-2", "sent", group: "newsletter");
        var path = ConsentServer.PathOf((await server.CaughtAsync(sent.Id)).Html!, "unsubscribe");

        var page = await server.Anonymous.GetStringAsync(path, Ct);
        var button = await server.Anonymous.PostAsync(path, new FormUrlEncodedContent([]), Ct);

        Assert.Contains("Stop receiving Newsletter at k***@example.com?", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, button.StatusCode);
        var answers = await server.SubscriptionsAsync(profile);
        Assert.Equal(("unsubscribed", "unsubscribe_link"), (answers.Groups.Single(g => g.Group == "newsletter").State, answers.Groups.Single().Source));
        Assert.Equal("subscribed", answers.Channels.Single(c => c.Channel == "email").State);
        Assert.Equal("No consent: the recipient left the subscription group 'newsletter'.", (await server.SendAsync(template, "u-2", "suppressed", group: "newsletter")).LastError);
        await server.SendAsync(template, "u-2", "sent");   // other marketing email still goes
    }

    [Fact]
    public async Task Links_AlteredOrOfAnotherKind_AreRefused()
    {
        await using var server = await ConsentServer.StartAsync();
        await server.CustomerAsync("u-3", "mio@example.com");
        var template = await server.TemplateAsync("<a href=\"{{ unsubscribe_url }}\">U</a><a href=\"{{ preferences_url }}\">P</a><a href=\"https://shop.example.com/\">Shop</a>");
        var html = (await server.CaughtAsync((await server.SendAsync(template, "u-3", "sent")).Id)).Html!;
        var unsubscribe = ConsentServer.PathOf(html, "unsubscribe");
        var preferences = ConsentServer.PathOf(html, "preferences");
        var click = ConsentServer.PathOf(html, "c");
        var altered = unsubscribe[..^3] + (unsubscribe[^3] == 'A' ? 'B' : 'A') + unsubscribe[^2..];

        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.PostAsync(altered, new FormUrlEncodedContent([]), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.GetAsync(altered, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.GetAsync(preferences.Replace("/m/preferences/", "/m/unsubscribe/", StringComparison.Ordinal), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.GetAsync(unsubscribe.Replace("/m/unsubscribe/", "/m/preferences/", StringComparison.Ordinal), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.GetAsync(click[..^2] + "xx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Anonymous.GetAsync(unsubscribe.Replace("/m/unsubscribe/", "/m/c/", StringComparison.Ordinal), Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task PreferencesPage_ShowsOnlyTheirOwnAnswers_AndSavesTheToggles(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        var profile = await server.CustomerAsync("u-4", "aoi@example.com", new { locale = "ja-JP" });
        await server.CustomerAsync("u-5", "other@example.com");
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter", "Every Friday", "ニュースレター", "毎週金曜日"), Ct)).EnsureSuccessStatusCode();
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("product_updates", "email", "Product updates", NameJa: "新商品のお知らせ", OptIn: true), Ct)).EnsureSuccessStatusCode();
        var template = await server.TemplateAsync("<a href=\"{{ preferences_url }}\">Preferences</a>");
        var path = ConsentServer.PathOf((await server.CaughtAsync((await server.SendAsync(template, "u-4", "sent")).Id)).Html!, "preferences");

        var japanese = await server.Anonymous.GetStringAsync(path, Ct);   // the customer's locale
        var english = await server.Anonymous.GetStringAsync(path + "?lang=en", Ct);
        var saved = await server.Anonymous.PostAsync(path + "?lang=en", new FormUrlEncodedContent([new("channel.email", "on"), new("group.product_updates", "on")]), Ct);

        Assert.Contains("ニュースレター", japanese, StringComparison.Ordinal);
        Assert.Contains("配信設定", japanese, StringComparison.Ordinal);
        Assert.Contains("a***@example.com", english, StringComparison.Ordinal);
        Assert.DoesNotContain("other@", english, StringComparison.Ordinal);
        Assert.DoesNotContain("aoi@example.com", english, StringComparison.Ordinal);
        Assert.Contains("name=\"group.newsletter\" id=\"group-newsletter\" checked", english, StringComparison.Ordinal);
        Assert.Contains("name=\"group.product_updates\" id=\"group-product_updates\">", english, StringComparison.Ordinal);
        Assert.Contains("Your preferences are saved.", await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var answers = await server.SubscriptionsAsync(profile);
        Assert.Equal(("unsubscribed", "preferences"), (answers.Groups.Single(g => g.Group == "newsletter").State, answers.Groups.Single(g => g.Group == "newsletter").Source));
        Assert.Equal("subscribed", answers.Groups.Single(g => g.Group == "product_updates").State);
        Assert.Equal("subscribed", answers.Channels.Single(c => c.Channel == "email").State);   // untouched: no change recorded
        Assert.Equal(2, (await server.TimelineAsync(profile)).Count(e => e.Name is "Unsubscribed" or "Subscribed"));
    }

    [Fact]
    public async Task PreferencesPage_UntickingEmail_UnsubscribesTheChannel()
    {
        await using var server = await ConsentServer.StartAsync();
        var profile = await server.CustomerAsync("u-6", "sora@example.com");
        var template = await server.TemplateAsync("<a href=\"{{ preferences_url }}\">Preferences</a>");
        var path = ConsentServer.PathOf((await server.CaughtAsync((await server.SendAsync(template, "u-6", "sent")).Id)).Html!, "preferences");

        var saved = await server.Anonymous.PostAsync(path, new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("unsubscribed", (await server.SubscriptionsAsync(profile)).Channels.Single(c => c.Channel == "email").State);
        await server.SendAsync(template, "u-6", "suppressed");
    }
}
