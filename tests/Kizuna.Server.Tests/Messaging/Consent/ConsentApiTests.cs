using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>Subscription groups, a customer's answers, identify traits, double opt-in and the settings, through the real server.</summary>
public sealed class ConsentApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Groups_CreateUpdateAndRefusals_NameTheField(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);

        var created = await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter"), Ct);
        var group = (await created.Content.ReadFromJsonAsync<SubscriptionGroupResponse>(Ct))!;
        var twice = await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Again"), Ct);
        var badKey = await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("News Letter", "email", "N"), Ct);
        var badChannel = await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("x", "fax", "N"), Ct);
        var renamed = await server.Admin.PutAsJsonAsync($"/api/subscription-groups/{group.Id}", new SubscriptionGroupRequest(null, null, "Weekly news", NameJa: "週刊ニュース", OptIn: true), Ct);
        var rekeyed = await server.Admin.PutAsJsonAsync($"/api/subscription-groups/{group.Id}", new SubscriptionGroupRequest("weekly", null, "Weekly"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(("key", "channel", "key"), (await FieldAsync(badKey), await FieldAsync(badChannel), await FieldAsync(rekeyed)));
        var listed = Assert.Single((await server.Admin.GetFromJsonAsync<List<SubscriptionGroupResponse>>("/api/subscription-groups", Ct))!);
        Assert.Equal(("newsletter", "Weekly news", "週刊ニュース", true), (listed.Key, listed.Name, listed.NameJa, listed.OptIn));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [Fact]
    public async Task Subscriptions_RecordedByTheApi_AreEventsAndRefuseBadInput()
    {
        await using var server = await ConsentServer.StartAsync();
        var profile = await server.CustomerAsync("u-1", "ema@example.com");

        var put = await server.Admin.PutAsJsonAsync($"/api/profiles/{profile}/subscriptions", new { changes = new[] { new { channel = "sms", state = "opted_in" } } }, Ct);
        var badState = await server.Admin.PutAsJsonAsync($"/api/profiles/{profile}/subscriptions", new { changes = new[] { new { channel = "sms", state = "maybe" } } }, Ct);
        var unknownGroup = await server.Admin.PutAsJsonAsync($"/api/profiles/{profile}/subscriptions", new { changes = new[] { new { group = "nope", state = "subscribed" } } }, Ct);
        var nobody = await server.Admin.PutAsJsonAsync("/api/profiles/999999/subscriptions", new { changes = new[] { new { channel = "sms", state = "opted_in" } } }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var sms = (await put.Content.ReadFromJsonAsync<ProfileSubscriptionsResponse>(Ct))!.Channels.Single(c => c.Channel == "sms");
        Assert.Equal(("opted_in", "api"), (sms.State, sms.Source));
        Assert.Equal(("changes[0].state", "changes[0].group"), (await FieldAsync(badState), await FieldAsync(unknownGroup)));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        var subscribed = Assert.Single(await server.TimelineAsync(profile), e => e.Name == "Subscribed");
        Assert.Equal(("sms", "opted_in", "subscribed"), (subscribed.Properties!["channel"]!.GetValue<string>(), subscribed.Properties["state"]!.GetValue<string>(), subscribed.Properties["previous_state"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task IdentifyTraits_BrazeAndCustomerIoShapes_SetTheAnswers(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter"), Ct)).EnsureSuccessStatusCode();
        var profile = await server.CustomerAsync("u-2", "jun@example.com");

        await server.CustomerAsync("u-2", "jun@example.com", new
        {
            email_subscribe = "unsubscribed",
            sms_subscribe = "opted_in",
            subscription_groups = new[] { new { subscription_group_id = "newsletter", subscription_state = "unsubscribed" } },
        });
        var answers = await WaitAsync(server, profile, a => a.Channels.Single(c => c.Channel == "email").State == "unsubscribed");

        Assert.Equal(("opted_in", "identify"), (answers.Channels.Single(c => c.Channel == "sms").State, answers.Channels.Single(c => c.Channel == "sms").Source));
        Assert.Equal("unsubscribed", answers.Groups.Single().State);
        await server.CustomerAsync("u-2", "jun@example.com", new { unsubscribed = false, cio_subscription_preferences = new { topics = new { newsletter = true } } });
        answers = await WaitAsync(server, profile, a => a.Channels.Single(c => c.Channel == "email").State == "subscribed");
        Assert.Equal("subscribed", answers.Groups.Single().State);
        Assert.Equal(2, (await server.TimelineAsync(profile)).Count(e => e.Name == "Unsubscribed"));
    }

    [Fact]
    public async Task DoubleOptIn_SubscribingSendsAConfirmation_AndTheLinkConfirms()
    {
        await using var server = await ConsentServer.StartAsync();
        var profile = await server.CustomerAsync("u-3", "rei@example.com", new { email_subscribe = "unsubscribed" });
        await WaitAsync(server, profile, a => a.Channels.Single(c => c.Channel == "email").State == "unsubscribed");
        var confirmation = await server.TemplateAsync("<a href=\"{{ data.confirm_url }}\">Confirm</a>", "Please confirm");
        (await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { consent = new { doubleOptInTemplateId = confirmation, optInChannels = new[] { "email" } } }, Ct)).EnsureSuccessStatusCode();

        var put = await server.Admin.PutAsJsonAsync($"/api/profiles/{profile}/subscriptions", new { changes = new[] { new { channel = "email", state = "subscribed" } } }, Ct);
        Assert.Equal("pending", (await put.Content.ReadFromJsonAsync<ProfileSubscriptionsResponse>(Ct))!.Channels.Single(c => c.Channel == "email").State);
        var marketing = await server.TemplateAsync("<p>Sale</p>");
        Assert.Equal("No consent: the recipient has not confirmed the email double opt-in yet.", (await server.SendAsync(marketing, "u-3", "suppressed")).LastError);
        var mail = await WaitForMailAsync(server, "Please confirm");
        var link = ConsentServer.PathOf(mail.Html!, "confirm");

        var page = await server.Anonymous.GetAsync(link, Ct);   // a mail scanner's fetch confirms nothing
        Assert.Equal("pending", (await server.SubscriptionsAsync(profile)).Channels.Single(c => c.Channel == "email").State);
        var confirmed = await server.Anonymous.PostAsync(link, new FormUrlEncodedContent([]), Ct);
        var reused = await server.Anonymous.PostAsync(link, new FormUrlEncodedContent([]), Ct);

        var spentPage = await server.Anonymous.GetAsync(link, Ct);
        var forgedPage = await server.Anonymous.GetAsync(link[..^4] + (link.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (page.StatusCode, confirmed.StatusCode, reused.StatusCode));
        Assert.Contains("method=\"post\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (spentPage.StatusCode, forgedPage.StatusCode));
        var email = (await server.SubscriptionsAsync(profile)).Channels.Single(c => c.Channel == "email");
        Assert.Equal(("opted_in", "double_opt_in", true), (email.State, email.Source, email.ReceivesMarketing));
        await server.SendAsync(marketing, "u-3", "sent");
    }

    [Fact]
    public async Task Settings_Invalid_NameTheField_AndValidOnesAreReadBack()
    {
        await using var server = await ConsentServer.StartAsync();

        var badWindow = await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { frequencyCaps = new[] { new { channel = "email", limit = 2, window = "two days" } } }, Ct);
        var badZone = await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { quietHours = new { start = "21:00", end = "08:00", defaultTimeZone = "Mars/Olympus" } }, Ct);
        var badPercent = await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { controlGroup = new { percent = 90 } }, Ct);
        var badTemplate = await server.Admin.PutAsJsonAsync("/api/messaging/settings", new { consent = new { doubleOptInTemplateId = 424242 } }, Ct);
        var good = await server.Admin.PutAsJsonAsync("/api/messaging/settings", new
        {
            frequencyCaps = new[] { new { channel = "email", limit = 2, window = "P7D", action = "defer" } },
            quietHours = new { start = "21:00", end = "08:00", defaultTimeZone = "Asia/Tokyo" },
            controlGroup = new { percent = 5 },
        }, Ct);

        Assert.Equal(
            ("frequencyCaps[0].window", "quietHours.defaultTimeZone", "controlGroup.percent", "consent.doubleOptInTemplateId"),
            (await FieldAsync(badWindow), await FieldAsync(badZone), await FieldAsync(badPercent), await FieldAsync(badTemplate)));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var read = (await server.Admin.GetFromJsonAsync<JsonObject>("/api/messaging/settings", Ct))!;
        Assert.Equal(("P7D", "Asia/Tokyo", 5), (read["frequencyCaps"]![0]!["window"]!.GetValue<string>(), read["quietHours"]!["defaultTimeZone"]!.GetValue<string>(), read["controlGroup"]!["percent"]!.GetValue<int>()));
        Assert.True(read["consent"]!["transactionalBypassesConsent"]!.GetValue<bool>());
    }

    private static async Task<string> FieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject()).Key;
    }

    private static async Task<ProfileSubscriptionsResponse> WaitAsync(ConsentServer server, long profile, Func<ProfileSubscriptionsResponse, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var answers = await server.SubscriptionsAsync(profile);
            if (done(answers) || tries == 1500)
            {
                Assert.True(done(answers), "the answers from the identify call never arrived");
                return answers;
            }

            await Task.Delay(20, Ct);
        }
    }

    private static async Task<CaughtMessageResponse> WaitForMailAsync(ConsentServer server, string subject)
    {
        for (var tries = 0; ; tries++)
        {
            var caught = (await server.Admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!;
            if (caught.Messages.FirstOrDefault(m => m.Subject == subject) is { } mail)
            {
                return mail;
            }

            Assert.True(tries < 1500, "the confirmation never arrived");
            await Task.Delay(20, Ct);
        }
    }
}
