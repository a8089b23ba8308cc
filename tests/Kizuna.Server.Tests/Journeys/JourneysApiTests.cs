using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kizuna.Server.Messaging;
using Microsoft.AspNetCore.Mvc;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>The journey API's answers to bad input (400 naming the field and the node, never 500), the ready-made journeys and API-triggered entries.</summary>
public sealed class JourneysApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_DefinitionThatCannotRun_Answers400NamingFieldAndNode()
    {
        await using var app = new KizunaApplication();
        var (admin, _, _) = await ClientsAsync(app);
        using var a = admin;
        var definition = new
        {
            entry = new { kind = "event", @event = "Checkout Started" },
            nodes = new object[]
            {
                new { id = "wait", kind = "wait_event", @event = "Order Completed", next = "mail" },
                new { id = "mail", kind = "message", channel = "email", templateId = 424242 },
                new { id = "lost", kind = "exit" },
            },
        };

        var refused = await admin.PostAsJsonAsync("/api/journeys", new { name = "Cart", definition }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!;
        Assert.Equal(["nodes[0].timeout", "nodes[1].templateId", "nodes[2]"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Node 'wait': A wait needs a timeout", problem.Errors["nodes[0].timeout"][0], StringComparison.Ordinal);
        Assert.Equal("Node 'lost': No path from the start reaches this node.", problem.Errors["nodes[2]"][0]);

        var validated = (await (await admin.PostAsJsonAsync("/api/journeys/validate", new { definition }, Ct)).Content.ReadFromJsonAsync<JourneyValidationResponse>(Ct))!;
        Assert.False(validated.Valid);
        Assert.Contains(validated.Errors, e => e is { Field: "nodes[1].templateId", Node: "mail" });

        var wrongShape = await admin.PostAsJsonAsync("/api/journeys", new { name = "Cart", definition = new { entry = new { kind = "event", @event = "x" }, nodes = "none" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.Contains("definition.nodes", (await wrongShape.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);

        var noName = await admin.PostAsJsonAsync("/api/journeys", new { definition = new { entry = new { kind = "api" }, nodes = new[] { new { id = "x", kind = "exit" } } } }, Ct);
        Assert.Contains("name", (await noName.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/journeys/999999/launch", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task ReadyMadeJourneys_AreListedAndEachStartsAsAValidDraftWithItsTemplates()
    {
        await using var app = new KizunaApplication();
        var (admin, _, _) = await ClientsAsync(app);
        using var a = admin;

        var ready = (await admin.GetFromJsonAsync<List<ReadyJourneyResponse>>("/api/journeys/templates", Ct))!;
        Assert.Equal(["welcome_series", "abandoned_cart", "browse_abandonment", "post_purchase_nps", "win_back", "birthday"], ready.Select(r => r.Key));
        foreach (var journey in ready)
        {
            var started = await admin.PostAsJsonAsync($"/api/journeys/templates/{journey.Key}", new StartJourneyRequest(null), Ct);
            Assert.True(started.StatusCode == HttpStatusCode.Created, $"{journey.Key}: {await started.Content.ReadAsStringAsync(Ct)}");
            var draft = (await started.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
            Assert.Equal(("draft", journey.Name), (draft.State, draft.Name));
            Assert.All(draft.Definition["nodes"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == "message"), n => Assert.NotNull(n!["templateId"]));
        }

        // A second start reuses the templates the first created.
        var again = (await (await admin.PostAsJsonAsync("/api/journeys/templates/abandoned_cart", new StartJourneyRequest("Cart again"), Ct)).Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        var first = (await admin.GetFromJsonAsync<List<JourneyResponse>>("/api/journeys", Ct))!.First(j => j.Name == "Abandoned cart");
        Assert.Equal(first.Definition["nodes"]![1]!["templateId"]!.GetValue<long>(), again.Definition["nodes"]![1]!["templateId"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/journeys/templates/nope", new StartJourneyRequest(null), Ct)).StatusCode);
    }

    [Fact]
    public async Task EnterByApi_RunsTheFirstStepsWithTheCallersData_AndAKeyAnswersTheFirstEntry()
    {
        await using var app = new KizunaApplication(settings: MessagingApi.Catcher);
        var (admin, site, workspaceId) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var template = await TemplateAsync(app.Services, workspaceId, "<p>Your order {{ data.order_id }}</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "api" },
            reEntry = new { mode = "always" },
            nodes = new object[]
            {
                new { id = "vip", kind = "branch", entryWhere = "property.total > 100", next = "mail", @else = "bye" },
                new { id = "mail", kind = "message", channel = "email", templateId = template, next = "bye" },
                new { id = "bye", kind = "exit" },
            },
        });
        await IdentifyAsync(site, "api-user", new { email = "api-user@example.com" });

        var entered = await admin.PostAsJsonAsync($"/api/journeys/{journey.Id}/entries", new { userId = "api-user", data = new { order_id = "A-1", total = 150 }, key = "k1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var entry = (await entered.Content.ReadFromJsonAsync<JourneyEntryResponse>(Ct))!;
        Assert.Equal(("exited", "vip:branch:yes, mail:sent, bye:exited"), (entry.State, Path(entry)));
        var message = await MessagingApi.WaitForStateAsync(admin, entry.Path[1].MessageId!.Value, "sent");
        Assert.Equal("api-user@example.com", message.Recipient);
        Assert.Contains("Your order A-1", (await WaitForCaughtAsync(admin, 1))[0].Html, StringComparison.Ordinal);

        var repeated = await admin.PostAsJsonAsync($"/api/journeys/{journey.Id}/entries", new { userId = "api-user", data = new { order_id = "A-1", total = 150 }, key = "k1" }, Ct);
        Assert.Equal((HttpStatusCode.OK, entry.Id), (repeated.StatusCode, (await repeated.Content.ReadFromJsonAsync<JourneyEntryResponse>(Ct))!.Id));
        var small = (await (await admin.PostAsJsonAsync($"/api/journeys/{journey.Id}/entries", new { userId = "api-user", data = new { total = 5 } }, Ct)).Content.ReadFromJsonAsync<JourneyEntryResponse>(Ct))!;
        Assert.Equal("vip:branch:no, bye:exited", Path(small));

        var unknown = await admin.PostAsJsonAsync($"/api/journeys/{journey.Id}/entries", new { userId = "nobody" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("userId", (await unknown.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);
        var page = (await admin.GetFromJsonAsync<JourneyEntriesResponse>($"/api/journeys/{journey.Id}/entries?limit=1", Ct))!;
        Assert.Equal((1, small.Id), (page.Entries.Count, page.Before));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/journeys/{journey.Id}/entries?state=lost", Ct)).StatusCode);
        var data = page.Entries[0].Data!;
        Assert.Equal(5, data["total"]!.GetValue<int>());
        _ = (JsonObject)data;
    }

    [Fact]
    public async Task ExitCondition_OnTheProfile_EndsTheEntryOnTheNextEventOfTheCustomer()
    {
        await using var app = new KizunaApplication(settings: MessagingApi.Catcher);
        var (admin, site, workspaceId) = await ClientsAsync(app);
        using var a = admin;
        using var w = site;
        var template = await TemplateAsync(app.Services, workspaceId, "<p>tomorrow</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "event", @event = "Signed Up" },
            exits = new[] { new { condition = "trait.plan = \"closed\"" } },
            nodes = new object[]
            {
                new { id = "later", kind = "delay", duration = "1d", next = "mail" },
                new { id = "mail", kind = "message", channel = "email", templateId = template },
            },
        });
        await IdentifyAsync(site, "leaver", new { email = "leaver@example.com", plan = "open" });
        var id = await ProfileIdAsync(admin, "leaver");
        await TrackAsync(site, "leaver", "Signed Up", new { });
        await WaitForEntriesAsync(admin, id, journey.Id, e => e.Count == 1 && e[0].State == "waiting", "entered");

        await IdentifyAsync(site, "leaver", new { plan = "closed" });
        var exited = Assert.Single(await WaitForEntriesAsync(admin, id, journey.Id, e => e[0].State == "exited", "the condition ends the entry"));
        Assert.Equal(("exit condition", "later:waiting, later:exited"), (exited.ExitReason, Path(exited)));
    }
}
