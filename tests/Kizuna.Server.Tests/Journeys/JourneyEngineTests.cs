using System.Net.Http.Json;
using Kizuna.Server.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>The engine through the API under a fake clock: re-entry rules, keyed waits, exits, versions, pause, resume and archive.</summary>
public sealed class JourneyEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task KeyedWait_OnlyTheEntrysOwnCartMatches_AndReEntryWaitsForTheExit(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, workspaceId) = journeys;
        var thanks = await TemplateAsync(host.Services, workspaceId, "<p>Thanks for {{ data.cart_id }}</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "event", @event = "Checkout Started", where = "property.cart_id exists" },
            reEntry = new { mode = "after_exit", maxEntries = 2 },
            exits = new[] { new { @event = "Cart Abandoned Forever", match = new[] { "cart_id" } } },
            nodes = new object[]
            {
                new { id = "wait", kind = "wait_event", @event = "Order Completed", match = new[] { "cart_id" }, timeout = "1h", next = "thanks", onTimeout = "done" },
                new { id = "thanks", kind = "message", channel = "email", templateId = thanks, next = "done" },
                new { id = "done", kind = "exit" },
            },
        });
        await IdentifyAsync(site, "x", new { email = "x@example.com" });
        var x = await ProfileIdAsync(admin, "x");

        await TrackAsync(site, "x", "Checkout Started", new { cart_id = "c1" });
        await TrackAsync(site, "x", "Checkout Started", new { note = "no cart: the filter keeps it out" });
        await TrackAsync(site, "x", "Checkout Started", new { cart_id = "c2" });   // still in: after_exit keeps it out
        await TrackAsync(site, "x", "Order Completed", new { order_id = "o2", cart_id = "c2", total = 1m });
        await SettleAsync(host.Services);
        var first = Assert.Single(await WaitForEntriesAsync(host.Services, admin, x, journey.Id, e => e.Count == 1, "one entry"));
        Assert.Equal(("waiting", "wait:waiting"), (first.State, Path(first)));

        await TrackAsync(site, "x", "Order Completed", new { order_id = "o1", cart_id = 1 });   // 1 is not "c1"
        await TrackAsync(site, "x", "Order Completed", new { order_id = "o3", cart_id = "c1", total = 2m });
        var done = await WaitForEntriesAsync(host.Services, admin, x, journey.Id, e => e.Count == 1 && e[0].State == "exited", "the order for c1 ends the wait");
        Assert.Equal("wait:waiting, wait:matched, thanks:sent, done:exited", Path(done[0]));
        Assert.Equal("exit node", done[0].ExitReason);
        var sent = await MessagingApi.WaitForStateAsync(admin, done[0].Path.Single(s => s.Node == "thanks").MessageId!.Value, "sent");
        Assert.Equal($"journey:{journey.Id}:v:1:node:thanks", sent.Source);

        // After the exit the customer may enter again, twice in all; an exit event for the cart ends the second entry.
        await TrackAsync(site, "x", "Checkout Started", new { cart_id = "c4" });
        await WaitForEntriesAsync(host.Services, admin, x, journey.Id, e => e.Count == 2, "the second entry");
        await TrackAsync(site, "x", "Cart Abandoned Forever", new { cart_id = "c4" });
        var ended = await WaitForEntriesAsync(host.Services, admin, x, journey.Id, e => e.Count == 2 && e.All(i => i.State == "exited"), "the exit criterion ends the second");
        Assert.Equal("exit: Cart Abandoned Forever", ended[0].ExitReason);
        await TrackAsync(site, "x", "Checkout Started", new { cart_id = "c5" });
        await SettleAsync(host.Services);
        Assert.Equal(2, (await WaitForEntriesAsync(host.Services, admin, x, journey.Id, _ => true, "entries")).Count);

        var counts = (await admin.GetFromJsonAsync<List<NodeCountResponse>>($"/api/journeys/{journey.Id}/counts", Ct))!;
        Assert.Contains(new NodeCountResponse("wait", 2, 0, 1, 0), counts);
        Assert.Contains(new NodeCountResponse("thanks", 1, 0, 1, 0), counts);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task EditLiveJourney_MakesAVersion_EntriesInFlightFinishOnTheirs(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, workspaceId) = journeys;
        var one = await TemplateAsync(host.Services, workspaceId, "<p>one</p>");
        var two = await TemplateAsync(host.Services, workspaceId, "<p>two</p>");
        object Definition(string delay, long template) => new
        {
            entry = new { kind = "event", @event = "Signed Up" },
            nodes = new object[]
            {
                new { id = "pause", kind = "delay", duration = delay, next = "hello" },
                new { id = "hello", kind = "message", channel = "email", templateId = template },
            },
        };
        var journey = await LaunchAsync(admin, Definition("1h", one));
        foreach (var user in new[] { "early", "late" })
        {
            await IdentifyAsync(site, user, new { email = $"{user}@example.com" });
        }

        await TrackAsync(site, "early", "Signed Up", new { });
        var early = await ProfileIdAsync(admin, "early");
        await WaitForEntriesAsync(host.Services, admin, early, journey.Id, e => e.Count == 1, "the first entry");

        var edited = await admin.PutAsJsonAsync($"/api/journeys/{journey.Id}", new { name = "Journey v2", definition = Definition("3h", two) }, Ct);
        var saved = (await edited.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        Assert.Equal((2, 2, "live"), (saved.Version, saved.LiveVersion, saved.State));
        await TrackAsync(site, "late", "Signed Up", new { });
        var late = await ProfileIdAsync(admin, "late");
        await WaitForEntriesAsync(host.Services, admin, late, journey.Id, e => e.Count == 1, "the second entry");

        time.SetUtcNow(Start + TimeSpan.FromHours(1));
        var first = (await WaitForEntriesAsync(host.Services, admin, early, journey.Id, e => e[0].State == "completed", "v1 finishes"))[0];
        var second = (await WaitForEntriesAsync(host.Services, admin, late, journey.Id, e => e[0].State == "waiting", "v2 waits on"))[0];
        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(one, (await admin.GetFromJsonAsync<MessageResponse>($"/api/messages/{first.Path.Single(s => s.Node == "hello" && s.MessageId is not null).MessageId}", Ct))!.TemplateId);

        time.SetUtcNow(Start + TimeSpan.FromHours(3));
        second = (await WaitForEntriesAsync(host.Services, admin, late, journey.Id, e => e[0].State == "completed", "v2 finishes"))[0];
        Assert.Equal(two, (await admin.GetFromJsonAsync<MessageResponse>($"/api/messages/{second.Path.Single(s => s.Node == "hello" && s.MessageId is not null).MessageId}", Ct))!.TemplateId);
        var versions = (await admin.GetFromJsonAsync<List<JourneyVersionResponse>>($"/api/journeys/{journey.Id}/versions", Ct))!;
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("1h", versions[0].Definition["nodes"]![0]!["duration"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task PauseResumeArchive_HoldEntriesThenCarryOnThenExitThem(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, workspaceId) = journeys;
        var hello = await TemplateAsync(host.Services, workspaceId, "<p>hello</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "event", @event = "Signed Up" },
            reEntry = new { mode = "always" },
            nodes = new object[]
            {
                new { id = "pause", kind = "delay", duration = "1h", next = "hello" },
                new { id = "hello", kind = "message", channel = "email", templateId = hello, next = "later" },
                new { id = "later", kind = "delay", duration = "7d" },
            },
        });
        await IdentifyAsync(site, "p", new { email = "p@example.com" });
        var p = await ProfileIdAsync(admin, "p");
        await TrackAsync(site, "p", "Signed Up", new { });
        await WaitForEntriesAsync(host.Services, admin, p, journey.Id, e => e.Count == 1, "entered");

        (await admin.PostAsync($"/api/journeys/{journey.Id}/pause", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await admin.PostAsync($"/api/journeys/{journey.Id}/pause", null, Ct)).StatusCode);
        await TrackAsync(site, "p", "Signed Up", new { });   // nobody enters a paused journey
        time.SetUtcNow(Start + TimeSpan.FromHours(2));       // the timer comes due while paused
        await SettleAsync(host.Services);
        var held = Assert.Single(await WaitForEntriesAsync(host.Services, admin, p, journey.Id, _ => true, "entries"));
        Assert.Equal(("waiting", "pause"), (held.State, held.Node));

        (await admin.PostAsync($"/api/journeys/{journey.Id}/resume", null, Ct)).EnsureSuccessStatusCode();
        var resumed = await WaitForEntriesAsync(host.Services, admin, p, journey.Id, e => e[0].Node == "later", "the entry carries on after the resume");
        Assert.Equal("pause:waiting, pause:passed, hello:sent, later:waiting", Path(resumed[0]));

        (await admin.PostAsync($"/api/journeys/{journey.Id}/archive", null, Ct)).EnsureSuccessStatusCode();
        var archived = Assert.Single(await WaitForEntriesAsync(host.Services, admin, p, journey.Id, e => e[0].State == "exited", "archived"));
        Assert.Equal(("archived", "later:exited"), (archived.ExitReason, archived.Path[^1].Node + ":" + archived.Path[^1].Outcome));
        time.SetUtcNow(Start + TimeSpan.FromDays(8));
        await SettleAsync(host.Services);
        Assert.Equal(5, Assert.Single(await WaitForEntriesAsync(host.Services, admin, p, journey.Id, _ => true, "entries")).Path.Count);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/journeys/{journey.Id}", new { name = "x", definition = new { } }, Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Entries_CustomerInTwoJourneys_ReadOfOneJourneyHoldsItsEntriesAlone(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (_, host, admin, site, workspaceId) = journeys;
        object Definition() => new
        {
            entry = new { kind = "event", @event = "Signed Up" },
            nodes = new object[] { new { id = "pause", kind = "delay", duration = "1d", next = "done" }, new { id = "done", kind = "exit" } },
        };
        var first = await LaunchAsync(admin, Definition());
        var second = await LaunchAsync(admin, Definition());
        foreach (var user in new[] { "a", "b" })
        {
            await IdentifyAsync(site, user, new { email = $"{user}@example.com" });
            await TrackAsync(site, user, "Signed Up", new { });
        }

        var a = await ProfileIdAsync(admin, "a");
        var b = await ProfileIdAsync(admin, "b");
        await WaitForEntriesAsync(host.Services, admin, b, second.Id, e => e.Count == 1, "b in the second journey");
        var store = host.Services.GetRequiredService<Kizuna.Journeys.Storage.EntryStore>();

        var ofFirst = await store.OfProfilesAsync(workspaceId, [a, b], [first.Id], Ct);
        var ofBoth = await store.OfProfilesAsync(workspaceId, [a], [first.Id, second.Id], Ct);

        Assert.Equal([(a, first.Id), (b, first.Id)], ofFirst.Select(e => (e.ProfileId, e.JourneyId)).OrderBy(e => e.ProfileId));
        Assert.Equal([first.Id, second.Id], ofBoth.Select(e => e.JourneyId).Order());
    }
}
