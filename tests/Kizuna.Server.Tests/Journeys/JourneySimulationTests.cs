using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kizuna.Storage;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>
/// The ready-made abandoned-cart journey simulated for a stored customer and a hypothetical one: without the order
/// the path waits an hour, emails the cart's items, waits a day and sends the offer; with the order after 30 minutes
/// the entry exits with no message. Nothing is written: no entry, step, message or timer.
/// </summary>
public sealed class JourneySimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 7, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Cart => new
    {
        cart_id = "cart-1",
        products = new object[] { new { product_id = "p1", name = "Sencha Kabuse", price = 12.5m, quantity = 2 }, new { product_id = "p2", name = "Matcha whisk", price = 20m, quantity = 1 } },
    };

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Simulate_AbandonedCart_AnswersThePathAndMessagesAndWritesNothing(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var (admin, site, workspaceId) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var journey = await StartCartJourneyAsync(admin);
        await IdentifyAsync(site, "shopper", new { email = "shopper@example.com", phone = "+14155552671" });
        var profileId = await ProfileIdAsync(admin, "shopper");
        var before = await CountsAsync(app, workspaceId);

        // (a) No order: an hour's wait times out, the email carries the cart's items, a day's wait times out, the SMS offer goes.
        var abandoned = await SimulateAsync(admin, journey.Id, new { userId = "shopper", @event = "Checkout Started", properties = Cart, start = Iso(Start) });
        Assert.Equal(
            ["wait_order:wait_event:waiting@0", "wait_order:wait_event:timed_out@60", "cart_email:message:sent@60", "wait_offer:wait_event:waiting@60",
             "wait_offer:wait_event:timed_out@1500", "offer_sms:message:sent@1500", "done:exit:exited@1500"],
            abandoned.Steps.Select(Describe));
        var email = abandoned.Steps.Single(s => s.Node == "cart_email").Message!;
        Assert.Equal(("email", "shopper@example.com", "You left something in your cart"), (email.Channel, email.Recipient, email.Subject));
        Assert.Contains("Sencha Kabuse × 2", email.Text, StringComparison.Ordinal);
        Assert.Contains("Matcha whisk × 1", email.Text, StringComparison.Ordinal);
        var sms = abandoned.Steps.Single(s => s.Node == "offer_sms").Message!;
        Assert.Equal(("sms", "+14155552671", null), (sms.Channel, sms.Recipient, sms.Problem));
        Assert.Contains("CART10", sms.Text, StringComparison.Ordinal);
        Assert.Equal(("exited", "exit node"), (abandoned.State, abandoned.ExitReason));

        // (b) The order for the same cart after 30 minutes: the entry exits there with no message. An order of another
        // cart does not end it, but it is an order within the goal's window, so the entry converted then.
        var bought = await SimulateAsync(admin, journey.Id, new
        {
            profileId,
            @event = "Checkout Started",
            properties = Cart,
            start = Iso(Start),
            events = new object[]
            {
                new { name = "Order Completed", properties = new { order_id = "o-9", cart_id = "cart-9" }, after = "10m" },
                new { name = "Order Completed", properties = new { order_id = "o-1", cart_id = "cart-1" }, at = Iso(Start.AddMinutes(30)) },
            },
        });
        Assert.Equal(["wait_order:wait_event:waiting@0", "wait_order:wait_event:exited@30"], bought.Steps.Select(Describe));
        Assert.Equal(("exited", "exit: Order Completed", Start.AddMinutes(10)), (bought.State, bought.ExitReason, bought.ConvertedAt));
        Assert.DoesNotContain(bought.Steps, s => s.Message is not null);

        // A short horizon leaves the entry waiting.
        var waiting = await SimulateAsync(admin, journey.Id, new { profileId, @event = "Checkout Started", properties = Cart, start = Iso(Start), horizon = "2h" });
        Assert.Equal(("waiting", "wait_offer", Start.AddHours(25)), (waiting.State, waiting.Node, waiting.WaitUntil));

        // (c) Nothing was written anywhere.
        Assert.Equal(before, await CountsAsync(app, workspaceId));
        Assert.Equal((0L, 0L, 0L, 0L), before);
    }

    [Fact]
    public async Task Simulate_HypotheticalCustomer_RendersWithTheirTraitsAndRefusesAnotherTrigger()
    {
        await using var app = new KizunaApplication();
        var (admin, site, _) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var journey = await StartCartJourneyAsync(admin);

        var path = await SimulateAsync(admin, journey.Id, new { traits = new { email = "maybe@example.com" }, timezone = "Asia/Tokyo", @event = "Checkout Started", properties = Cart, start = Iso(Start) });
        Assert.Equal("maybe@example.com", path.Steps.Single(s => s.Node == "cart_email").Message!.Recipient);
        Assert.Equal("skipped: The profile has no phone number.", path.Steps.Single(s => s.Node == "offer_sms").Outcome);

        var other = await SimulateAsync(admin, journey.Id, new { traits = new { }, @event = "Product Viewed", properties = Cart });
        Assert.Equal(("not_entered", "The journey is entered by the event 'Checkout Started'."), (other.State, other.Refusal));
        Assert.Empty(other.Steps);
    }

    [Fact]
    public async Task Simulate_LoopThroughADelay_StopsAtTheStepLimit()
    {
        await using var app = new KizunaApplication();
        var (admin, site, _) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var created = await admin.PostAsJsonAsync("/api/journeys", new
        {
            name = "Ticker",
            definition = new { entry = new { kind = "api" }, nodes = new object[] { new { id = "tick", kind = "delay", duration = "1m", next = "tick" } } },
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var journey = (await created.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;

        var path = await SimulateAsync(admin, journey.Id, new { traits = new { }, data = new { }, start = Iso(Start), horizon = "400d" });
        Assert.True(path.StepLimitReached);
        Assert.InRange(path.Steps.Count, 1_000, 1_001);   // a resumed delay takes two steps at once
        Assert.Equal("waiting", path.State);
    }

    [Theory]
    [InlineData("""{"event":"Checkout Started"}""", "profileId")]
    [InlineData("""{"profileId":1,"traits":{}}""", "profileId")]
    [InlineData("""{"userId":"nobody"}""", "userId")]
    [InlineData("""{"traits":{},"timezone":"Mars/Olympus"}""", "timezone")]
    [InlineData("""{"traits":{},"start":"10:00"}""", "start")]
    [InlineData("""{"traits":{},"horizon":"forever"}""", "horizon")]
    [InlineData("""{"traits":{},"version":9}""", "version")]
    [InlineData("""{"traits":{},"events":[{"properties":{}}]}""", "events[0].name")]
    [InlineData("""{"traits":{},"events":[{"name":"Order Completed"}]}""", "events[0].at")]
    [InlineData("""{"traits":{},"start":"2026-04-07T09:00:00Z","events":[{"name":"x","at":"2026-04-06T09:00:00Z"}]}""", "events[0].at")]
    [InlineData("""{"traits":{},"events":[{"name":"x","after":"soon"}]}""", "events[0].after")]
    public async Task Simulate_BadInput_Is400NamingTheField(string body, string field)
    {
        await using var app = new KizunaApplication();
        var (admin, site, _) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var journey = await StartCartJourneyAsync(admin);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var answer = await admin.PostAsync($"/api/journeys/{journey.Id}/simulate", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey(field), await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/journeys/999999/simulate", new { traits = new { } }, Ct)).StatusCode);
        using var notJson = new StringContent("""{"traits":{},"properties":[1],"events":"soon"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/journeys/{journey.Id}/simulate", notJson, Ct)).StatusCode);
    }

    private static async Task<JourneyResponse> StartCartJourneyAsync(HttpClient admin)
    {
        var started = await admin.PostAsJsonAsync("/api/journeys/templates/abandoned_cart", new StartJourneyRequest(null), Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var journey = (await started.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        (await admin.PostAsync($"/api/journeys/{journey.Id}/launch", null, Ct)).EnsureSuccessStatusCode();
        return journey;
    }

    private static async Task<JourneySimulationResponse> SimulateAsync(HttpClient admin, long journeyId, object body)
    {
        var answer = await admin.PostAsJsonAsync($"/api/journeys/{journeyId}/simulate", body, Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        return (await answer.Content.ReadFromJsonAsync<JourneySimulationResponse>(Ct))!;
    }

    private static string Describe(SimulatedStepResponse s) =>
        FormattableString.Invariant($"{s.Node}:{s.Kind}:{s.Outcome}@{(s.At - Start).TotalMinutes}");

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static async Task<(long Entries, long Steps, long Messages, long Timers)> CountsAsync(KizunaApplication app, long workspaceId)
    {
        await using var connection = await app.Service<Database>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var ws = workspaceId.ToString(CultureInfo.InvariantCulture);
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM journey_entries WHERE workspace_id = {ws}), (SELECT COUNT(*) FROM journey_steps WHERE workspace_id = {ws}),
                   (SELECT COUNT(*) FROM messages WHERE workspace_id = {ws}), (SELECT COUNT(*) FROM jobs WHERE queue = 'journeys')
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
