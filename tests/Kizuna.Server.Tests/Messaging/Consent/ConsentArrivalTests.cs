using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Server.Imports;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>Consent arriving as track events through the tracking API and as columns of a customers CSV import, recorded as answers and events.</summary>
public sealed class ConsentArrivalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task TrackEvents_UnsubscribedSubscribedAndSubscriptionChanged_SetTheAnswers(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter"), Ct)).EnsureSuccessStatusCode();
        var profile = await server.CustomerAsync("t-1", "mio@example.com");
        using var write = server.App.CreateWriteClient(await server.App.CreateWriteKeyAsync(server.Workspace.Id, Ct));
        var at = DateTimeOffset.UtcNow;

        await TrackAsync(write, "t-1", "Unsubscribed", new { channel = "email" }, at);
        await TrackAsync(write, "t-1", "Subscribed", new { channel = "sms", state = "opted_in" }, at);
        await TrackAsync(write, "t-1", "Unsubscribed", new { group = "newsletter" }, at);
        await TrackAsync(write, "t-1", "Subscription Changed", new { push_subscribe = "unsubscribed" }, at);
        await TrackAsync(write, "t-1", "Unsubscribed", new { channel = "fax" }, at);   // no such channel: behaviour only
        var answers = await WaitAsync(server, profile, a => a.Channels.Single(c => c.Channel == "push").State == "unsubscribed" && a.Groups.Single().State == "unsubscribed");

        Assert.Equal(("unsubscribed", "track"), (answers.Channels.Single(c => c.Channel == "email").State, answers.Channels.Single(c => c.Channel == "email").Source));
        Assert.Equal("opted_in", answers.Channels.Single(c => c.Channel == "sms").State);
        // A tracked Unsubscribed or Subscribed is the change's event; only Subscription Changed is recorded as one of Kizuna's.
        for (var tries = 0; (await server.TimelineAsync(profile)).Count(e => e.Name is "Unsubscribed" or "Subscribed") < 5; tries++)
        {
            Assert.True(tries < 1500, "the consent events never arrived");
            await Task.Delay(20, Ct);
        }

        var timeline = await server.TimelineAsync(profile);
        Assert.Equal((4, 1), (timeline.Count(e => e.Name == "Unsubscribed"), timeline.Count(e => e.Name == "Subscribed")));
        Assert.Equal("push", timeline.Single(e => e.Name == "Unsubscribed" && e.MessageId.StartsWith("kizuna-consent-", StringComparison.Ordinal)).Properties!["channel"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task CustomersImport_SubscriptionColumns_SetTheAnswersAsImport_AndABadValueFailsItsLine(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        (await server.Admin.PostAsJsonAsync("/api/subscription-groups", new SubscriptionGroupRequest("newsletter", "email", "Newsletter"), Ct)).EnsureSuccessStatusCode();
        const string Mapping = """
            { "kind": "customers", "columns": { "user_id": "Id", "email": "Mail" },
              "subscriptions": { "email": "Email consent", "sms": "SMS consent", "newsletter": "Newsletter" } }
            """;
        const string Csv = "Id,Mail,Email consent,SMS consent,Newsletter\nc-1,aoi@example.com,unsubscribed,,yes\nc-2,ren@example.com,opted_in,no,false\nc-3,sou@example.com,maybe,,\n";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Mapping), "mapping" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Csv)), "file", "customers.csv" },
        };

        var accepted = await server.Admin.PostAsync("/api/imports", upload, Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await FinishedAsync(server, (await accepted.Content.ReadFromJsonAsync<ImportJobResponse>(Ct))!.Id);

        var error = Assert.Single(job.Report!.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("subscriptions.email (Email consent) 'maybe'", error.Reason, StringComparison.Ordinal);
        var first = await server.App.Service<Kizuna.Profiles.ProfileService>().ResolveAsync(server.Workspace.Id, new Kizuna.Profiles.ProfileLookup(Kizuna.Profiles.ProfileLookupKind.UserId, "c-1"), Ct);
        var second = await server.App.Service<Kizuna.Profiles.ProfileService>().ResolveAsync(server.Workspace.Id, new Kizuna.Profiles.ProfileLookup(Kizuna.Profiles.ProfileLookupKind.UserId, "c-2"), Ct);
        var one = await WaitAsync(server, first!.Value, a => a.Channels.Single(c => c.Channel == "email").State == "unsubscribed");
        var two = await WaitAsync(server, second!.Value, a => a.Channels.Single(c => c.Channel == "sms").State == "unsubscribed");

        Assert.Equal(("import", "subscribed"), (one.Channels.Single(c => c.Channel == "email").Source, one.Groups.Single().State));
        Assert.Equal(("opted_in", "unsubscribed"), (two.Channels.Single(c => c.Channel == "email").State, two.Groups.Single().State));
        Assert.Contains(await server.TimelineAsync(first.Value), e => e.Name == "Unsubscribed");
    }

    private static async Task TrackAsync(HttpClient write, string userId, string name, object properties, DateTimeOffset at)
    {
        var response = await write.PostAsJsonAsync("/v1/track", new { userId, @event = name, properties, timestamp = at, messageId = Guid.NewGuid().ToString() }, Ct);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ImportJobResponse> FinishedAsync(ConsentServer server, long id)
    {
        for (var tries = 0; ; tries++)
        {
            var job = (await server.Admin.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{id}", Ct))!;
            if (job.Status is "succeeded" or "failed")
            {
                return job;
            }

            Assert.True(tries < 600, "the import never finished");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<ProfileSubscriptionsResponse> WaitAsync(ConsentServer server, long profile, Func<ProfileSubscriptionsResponse, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var answers = await server.SubscriptionsAsync(profile);
            if (done(answers) || tries == 1500)
            {
                Assert.True(done(answers), "the answers never arrived");
                return answers;
            }

            await Task.Delay(20, Ct);
        }
    }
}
