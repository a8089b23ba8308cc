using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Actions;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Server.Messaging;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>
/// The action nodes through the API under a fake clock: a webhook node calls a real receiver on loopback, signed by
/// the Standard Webhooks scheme (checked here by its own HMAC, as the package's verifier refuses a fake clock's time), and
/// its answer reaches a later email (or its failure takes the failure edge); an update-profile node writes traits and
/// consent through ingestion and a branch after it reads the new trait; the simulation shows both and does neither.
/// </summary>
public sealed class JourneyActionNodesTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private const string Answer = """{"code": "X-1", "tier": "gold"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Webhook_SignedCallsAnswerReachesALaterEmail_AndAFailureTakesTheFailureEdge(string engine)
    {
        await using var receiver = WebhookReceiver.Start(path => path == "/ok" ? new WebhookReply(200, Answer) : new WebhookReply(400), (5400, 5409));
        var settings = new Dictionary<string, string?>(MessagingApi.Catcher)
        {
            ["Messaging:Webhook:Secret"] = Secret,
            ["Messaging:Webhook:AllowPrivateNetworks"] = "true",
        };
        await using var journeys = await JourneyHost.StartAsync(engine, Start, settings);
        var (_, host, admin, site, workspaceId) = journeys;
        var code = await TemplateAsync(host.Services, workspaceId, "<p>Your code is {{ data.webhook.hook.code }}</p>");
        var sorry = await TemplateAsync(host.Services, workspaceId, "<p>Sorry, {{ data.plan }} is full</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "event", @event = "Signed Up" },
            nodes = new object[]
            {
                new
                {
                    id = "hook", kind = "webhook", next = "mail", onFailure = "sorry",
                    webhook = new
                    {
                        method = "POST", url = receiver.Url + "/{{ data.plan }}", headers = new Dictionary<string, string> { ["X-Plan"] = "{{ data.plan }}" },
                        body = """{"email": "{{ customer.email }}", "plan": "{{ data.plan }}"}""", retries = 0,
                    },
                },
                new { id = "mail", kind = "message", channel = "email", templateId = code, next = "done" },
                new { id = "sorry", kind = "message", channel = "email", templateId = sorry, next = "done" },
                new { id = "done", kind = "exit" },
            },
        });
        await IdentifyAsync(site, "ok", new { email = "ok@example.com" });
        await IdentifyAsync(site, "bad", new { email = "bad@example.com" });
        await TrackAsync(site, "ok", "Signed Up", new { plan = "ok" });
        await TrackAsync(site, "bad", "Signed Up", new { plan = "fail" });

        var good = (await WaitForEntriesAsync(host.Services, admin, await ProfileIdAsync(admin, "ok"), journey.Id, e => e.Count == 1 && e[0].State == "exited", "the call answers"))[0];
        Assert.Equal("hook:waiting, hook:webhook:200, mail:sent, done:exited", Path(good));
        var failed = (await WaitForEntriesAsync(host.Services, admin, await ProfileIdAsync(admin, "bad"), journey.Id, e => e.Count == 1 && e[0].State == "exited", "the call fails"))[0];
        Assert.Equal("hook:waiting, hook:failed: 127.0.0.1 answered 400., sorry:sent, done:exited", Path(failed));

        var calls = receiver.Requests.ToList();
        Assert.Equal(2, calls.Count);
        var call = calls.Single(c => c.Path == "/ok");
        var id = call.Headers["webhook-id"].ToString();
        var stamp = call.Headers["webhook-timestamp"].ToString();
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{stamp}.{call.Body}")));
        Assert.Equal((signature, Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), (call.Headers["webhook-signature"].ToString(), stamp));
        Assert.Equal($"kz-{workspaceId}-j{good.Id}-1", call.Headers["webhook-id"].ToString());
        Assert.Equal("ok", call.Headers["X-Plan"].ToString());
        Assert.Equal(("ok@example.com", "ok"), (JsonNode.Parse(call.Body)!["email"]!.GetValue<string>(), JsonNode.Parse(call.Body)!["plan"]!.GetValue<string>()));

        var caught = await WaitForCaughtAsync(admin, 2);
        Assert.Contains("Your code is X-1", caught.Single(m => m.RcptTo.Contains("ok@example.com")).Text, StringComparison.Ordinal);
        Assert.Contains("Sorry, fail is full", caught.Single(m => m.RcptTo.Contains("bad@example.com")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task UpdateProfile_WritesTraitsAndConsentThroughIngestion_AndABranchReadsTheNewTrait(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (_, host, admin, site, workspaceId) = journeys;
        var gold = await TemplateAsync(host.Services, workspaceId, "<p>Welcome to {{ customer.traits.tier }}</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "event", @event = "Plan Chosen" },
            reEntry = new { mode = "always" },
            nodes = new object[]
            {
                new
                {
                    id = "upd", kind = "update_profile", next = "check",
                    traits = new JsonObject { ["tier"] = "{{ data.plan }}", ["points"] = 10 },
                    subscriptions = new[] { new { channel = "sms", state = "unsubscribed" } },
                },
                new { id = "check", kind = "branch", condition = "trait.tier = \"gold\"", next = "vip", @else = "done" },
                new { id = "vip", kind = "message", channel = "email", templateId = gold, next = "done" },
                new { id = "done", kind = "exit" },
            },
        });
        await IdentifyAsync(site, "g", new { email = "g@example.com", tier = "none" });
        var profileId = await ProfileIdAsync(admin, "g");
        await TrackAsync(site, "g", "Plan Chosen", new { plan = "gold" });

        var entry = (await WaitForEntriesAsync(host.Services, admin, profileId, journey.Id, e => e.Count == 1 && e[0].State == "exited", "the update"))[0];
        Assert.Equal("upd:waiting, upd:updated, check:branch:yes, vip:sent, done:exited", Path(entry));
        var traits = (await admin.GetFromJsonAsync<JsonObject>("/api/profiles/by-user/g", Ct))!["traits"]!;
        Assert.Equal(("gold", 10, "g@example.com"), (traits["tier"]!.GetValue<string>(), traits["points"]!.GetValue<int>(), traits["email"]!.GetValue<string>()));
        Assert.Contains("Welcome to gold", Assert.Single(await WaitForCaughtAsync(admin, 1)).Text, StringComparison.Ordinal);

        // The consent change went through the consent consumer like any identify's, recorded with the source journey.
        var consent = host.Services.GetRequiredService<ConsentService>();
        for (var tries = 0; ; tries++)
        {
            var sms = (await consent.ReadAsync(workspaceId, profileId, Ct)).Channels.Single(c => c.Channel == MessageChannel.Sms);
            if (sms.State == SubscriptionState.Unsubscribed)
            {
                Assert.Equal("journey", sms.Source);
                break;
            }

            Assert.True(tries < 1500, "the sms consent change");
            await Task.Delay(20, Ct);
        }

        // Another plan: the branch reads the trait the update just set.
        await TrackAsync(site, "g", "Plan Chosen", new { plan = "silver" });
        var second = (await WaitForEntriesAsync(host.Services, admin, profileId, journey.Id, e => e.Count == 2 && e.All(x => x.State == "exited"), "the second update"))
            .Single(e => e.Id != entry.Id);
        Assert.Equal("upd:waiting, upd:updated, check:branch:no, done:exited", Path(second));
    }

    [Fact]
    public async Task ProfileWriter_AStepWrittenAgain_IsDroppedAsARepeat()
    {
        await using var journeys = await JourneyHost.StartAsync("sqlite", Start);
        var (_, host, admin, site, workspaceId) = journeys;
        await IdentifyAsync(site, "r", new { email = "r@example.com" });
        var profileId = await ProfileIdAsync(admin, "r");
        var writer = host.Services.GetRequiredService<JourneyProfileWriter>();

        // The step re-run after a crash renders again from a profile it already changed: the repeat must change nothing.
        Assert.Null(await writer.WriteAsync(workspaceId, profileId, JourneyProfileWriter.MessageId(77, 3), new JsonObject { ["points"] = 10 }, Start, Ct));
        Assert.Null(await writer.WriteAsync(workspaceId, profileId, JourneyProfileWriter.MessageId(77, 3), new JsonObject { ["points"] = 20, ["bonus"] = "yes" }, Start, Ct));
        Assert.Null(await writer.WriteAsync(workspaceId, profileId, JourneyProfileWriter.MessageId(77, 5), new JsonObject { ["visits"] = 1 }, Start, Ct));

        var traits = (await admin.GetFromJsonAsync<JsonObject>("/api/profiles/by-user/r", Ct))!["traits"]!.AsObject();
        Assert.Equal((10, false, 1), (traits["points"]!.GetValue<int>(), traits.ContainsKey("bonus"), traits["visits"]!.GetValue<int>()));
        Assert.Equal("the profile is gone", await writer.WriteAsync(workspaceId, 987654321, JourneyProfileWriter.MessageId(78, 1), new JsonObject { ["x"] = 1 }, Start, Ct));
    }

    [Fact]
    public async Task Simulate_ActionNodes_ShowsTheRequestAndTheUpdate_CallsAndWritesNothing()
    {
        await using var app = new KizunaApplication("sqlite", MessagingApi.Catcher);
        var (admin, site, workspaceId) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var code = await TemplateAsync(app.Services, workspaceId, "<p>Code {{ data.webhook.hook.code }} for {{ customer.traits.tier }}</p>");
        var created = await admin.PostAsJsonAsync("/api/journeys", new
        {
            name = "Actions",
            definition = new
            {
                entry = new { kind = "event", @event = "Signed Up" },
                nodes = new object[]
                {
                    new
                    {
                        id = "hook", kind = "webhook", next = "upd", onFailure = "done",
                        webhook = new { method = "POST", url = "http://127.0.0.1:5409/never", body = """{"email": "{{ customer.email }}"}""" },
                    },
                    new { id = "upd", kind = "update_profile", next = "check", traits = new JsonObject { ["tier"] = "{{ data.webhook.hook.tier }}" } },
                    new { id = "check", kind = "branch", condition = "trait.tier = \"gold\"", next = "mail", @else = "done" },
                    new { id = "mail", kind = "message", channel = "email", templateId = code, next = "done" },
                    new { id = "done", kind = "exit" },
                },
            },
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var journey = (await created.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        var before = await CountsAsync(app, workspaceId);

        var answered = await SimulateAsync(admin, journey.Id, new
        {
            traits = new { email = "h@example.com" },
            @event = "Signed Up",
            start = "2026-04-07T09:00:00Z",
            webhookAnswers = new { hook = new { code = "S-9", tier = "gold" } },
        });
        Assert.Equal(
            ["hook:waiting", "hook:webhook:200", "upd:waiting", "upd:updated", "check:branch:yes", "mail:sent", "done:exited"],
            answered.Steps.Select(s => $"{s.Node}:{s.Outcome}"));
        var call = answered.Steps.Single(s => s.Outcome == "webhook:200").Action!;
        Assert.Equal(("POST", "http://127.0.0.1:5409/never", """{"email": "h@example.com"}"""), (call.Method, call.Url, call.Body));
        Assert.Equal("gold", answered.Steps.Single(s => s.Outcome == "updated").Action!.Traits!["tier"]!.GetValue<string>());
        Assert.Contains("Code S-9 for gold", answered.Steps.Single(s => s.Node == "mail").Message!.Text, StringComparison.Ordinal);

        var failing = await SimulateAsync(admin, journey.Id, new { traits = new { email = "h@example.com" }, @event = "Signed Up", failingWebhooks = new[] { "hook" } });
        Assert.Equal(["hook:waiting", "hook:failed: simulated", "done:exited"], failing.Steps.Select(s => $"{s.Node}:{s.Outcome}"));
        Assert.Equal(before, await CountsAsync(app, workspaceId));
    }

    private static async Task<JourneySimulationResponse> SimulateAsync(HttpClient admin, long journeyId, object body)
    {
        var answer = await admin.PostAsJsonAsync($"/api/journeys/{journeyId}/simulate", body, Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        return (await answer.Content.ReadFromJsonAsync<JourneySimulationResponse>(Ct))!;
    }

    private static async Task<(long Entries, long Steps, long Messages, long Jobs, long Profiles)> CountsAsync(KizunaApplication app, long workspaceId)
    {
        await using var connection = await app.Service<Database>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var ws = workspaceId.ToString(CultureInfo.InvariantCulture);
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM journey_entries WHERE workspace_id = {ws}), (SELECT COUNT(*) FROM journey_steps WHERE workspace_id = {ws}),
                   (SELECT COUNT(*) FROM messages WHERE workspace_id = {ws}), (SELECT COUNT(*) FROM jobs WHERE queue IN ('journeys', 'journey-actions')),
                   (SELECT COUNT(*) FROM profiles WHERE workspace_id = {ws})
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
