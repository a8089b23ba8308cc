using System.Net;
using System.Net.Http.Json;
using Kizuna.Server.Analytics;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>Open pixel and click redirects through the real server: events on the profile, the rates analytics reads, no open redirect.</summary>
public sealed class TrackingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task OpenAndClick_RecordEventsOnTheProfile_AndAnalyticsCountsThem(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        var profile = await server.CustomerAsync("u-1", "rin@example.com");
        var template = await server.TemplateAsync(
            "<html><body><p>Sale</p><a class=\"cta\" href=\"https://shop.example.com/sale?x=1&amp;y=2\">Shop now</a>"
            + "<a href=\"mailto:help@example.com\">Help</a><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></body></html>");
        var sent = await server.SendAsync(template, "u-1", "sent");
        var mail = await server.CaughtAsync(sent.Id);

        Assert.DoesNotContain("https://shop.example.com/sale", mail.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:help@example.com\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("https://shop.example.com/sale?x=1&y=2", mail.Text, StringComparison.Ordinal);   // the text part is left as written
        var open = await server.Anonymous.GetAsync(ConsentServer.PathOf(mail.Html!, "o"), Ct);
        var again = await server.Anonymous.GetAsync(ConsentServer.PathOf(mail.Html!, "o"), Ct);
        var click = await server.Anonymous.GetAsync(ConsentServer.PathOf(mail.Html!, "c"), Ct);

        Assert.Equal((HttpStatusCode.OK, "image/gif", HttpStatusCode.OK), (open.StatusCode, open.Content.Headers.ContentType!.MediaType, again.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("https://shop.example.com/sale?x=1&y=2", click.Headers.Location!.ToString());
        var timeline = await server.TimelineAsync(profile);
        var opened = Assert.Single(timeline, e => e.Name == "Email Opened");   // a second open of the same message is the same event
        var clicked = Assert.Single(timeline, e => e.Name == "Email Link Clicked");
        Assert.Equal((sent.Id, template), (opened.Properties!["message_id"]!.GetValue<long>(), opened.Properties["template_id"]!.GetValue<long>()));
        Assert.Equal("https://shop.example.com/sale?x=1&y=2", clicked.Properties!["url"]!.GetValue<string>());

        var engagement = await server.Admin.GetFromJsonAsync<ComparedResponse<EngagementResponse>>("/api/analytics/engagement?preset=7d", Ct);
        Assert.Equal((1L, 1L, 1L), (engagement!.Current.Email.Sent, engagement.Current.Email.Opened, engagement.Current.Email.Clicked));
        Assert.Equal(1.0, engagement.Current.Email.OpenRate);
    }

    [Fact]
    public async Task Open_ThroughApplesProxy_IsMarkedAsAMachineOpen()
    {
        await using var server = await ConsentServer.StartAsync();
        var profile = await server.CustomerAsync("u-2", "mei@example.com");
        var sent = await server.SendAsync(await server.TemplateAsync("<p>Hello</p>"), "u-2", "sent");
        var pixel = new HttpRequestMessage(HttpMethod.Get, ConsentServer.PathOf((await server.CaughtAsync(sent.Id)).Html!, "o"));
        pixel.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");

        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.SendAsync(pixel, Ct)).StatusCode);

        var opened = Assert.Single(await server.TimelineAsync(profile), e => e.Name == "Email Opened");
        Assert.True(opened.Properties!["machine_open"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Tracking_TurnedOff_LeavesTheEmailAsWritten()
    {
        await using var server = await ConsentServer.StartAsync();
        await server.CustomerAsync("u-3", "nao@example.com");
        (await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { tracking = new { opens = false, clicks = false } }, Ct)).EnsureSuccessStatusCode();

        var sent = await server.SendAsync(await server.TemplateAsync("<a href=\"https://shop.example.com/\">Shop</a>"), "u-3", "sent");

        var html = (await server.CaughtAsync(sent.Id)).Html!;
        Assert.Contains("href=\"https://shop.example.com/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/m/o/", html, StringComparison.Ordinal);
    }
}
