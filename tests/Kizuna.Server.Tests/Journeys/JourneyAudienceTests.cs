using System.Net.Http.Json;
using Kizuna.Journeys.Engine;
using Kizuna.Server.Campaigns;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>Audience entries: a segment's members entered at each occurrence of a schedule, in pages under the entry limit, once per occurrence.</summary>
public sealed class JourneyAudienceTests
{
    // A Monday; the schedule's occurrences are 09:00 in Tokyo (00:00 UTC).
    private static readonly DateTimeOffset Start = new(2026, 5, 3, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task RecurringAudience_EntersMembersOncePerOccurrence_UnderTheEntryLimit(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, workspaceId) = journeys;
        foreach (var (user, plan, blocked) in new[] { ("a", "gold", false), ("b", "gold", false), ("c", "gold", false), ("d", "gold", true), ("e", "free", false) })
        {
            await IdentifyAsync(site, user, new { email = $"{user}@example.com", plan, blocked });
        }

        var gold = await CampaignsTestData.SegmentAsync(host.Services, workspaceId, """trait.plan = "gold" """, 4);
        var blockedSegment = await CampaignsTestData.SegmentAsync(host.Services, workspaceId, "trait.blocked = true", 1);
        var hello = await TemplateAsync(host.Services, workspaceId, "<p>Hello {{ data.occurrence }}</p>");
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "audience", segments = new[] { gold }, excludeSegments = new[] { blockedSegment }, schedule = new { cron = "0 9 * * *", timeZone = "Asia/Tokyo" } },
            reEntry = new { mode = "always" },
            entryLimit = new { count = 2, per = "1h" },
            nodes = new object[]
            {
                new { id = "hello", kind = "message", channel = "email", templateId = hello, next = "done" },
                new { id = "done", kind = "exit" },
            },
        });

        // Nothing before the occurrence; at it, two members (the entry limit), the third an hour later.
        Assert.Empty(await EntriesAsync(admin, journey.Id));
        time.Advance(First - Start);
        var firstTwo = await WaitForJourneyAsync(host.Services, admin, journey.Id, 2);
        Assert.All(firstTwo, e => Assert.Equal("hello:sent, done:exited", Path(e)));
        Assert.All(firstTwo, e => Assert.Equal(First, e.EnteredAt));
        time.Advance(TimeSpan.FromMinutes(30));
        await SettleAudienceAsync(host.Services);
        Assert.Equal(2, (await EntriesAsync(admin, journey.Id)).Count);
        time.Advance(TimeSpan.FromMinutes(31));
        var all = await WaitForJourneyAsync(host.Services, admin, journey.Id, 3);
        var profiles = new[] { await ProfileIdAsync(admin, "a"), await ProfileIdAsync(admin, "b"), await ProfileIdAsync(admin, "c") };
        Assert.Equal(profiles.Order(), all.Select(e => e.ProfileId).Order());

        // The same occurrence run again (a retry, a second node) enters nobody twice.
        await host.Services.GetRequiredService<JobQueue>().EnqueueAsync(new JourneyAudienceJob(workspaceId, journey.Id, Epoch.ToMs(First), 0, 99).ToJob(time.GetUtcNow()), Ct);
        await SettleAudienceAsync(host.Services);
        Assert.Equal(3, (await EntriesAsync(admin, journey.Id)).Count);

        // The next day's occurrence enters them again (re-entry always), under keys of its own.
        time.Advance(First.AddDays(1) - time.GetUtcNow());
        var next = await WaitForJourneyAsync(host.Services, admin, journey.Id, 5);
        Assert.Equal(2, next.Count(e => e.EnteredAt == First.AddDays(1)));
        Assert.Equal(5, (await WaitForCaughtAsync(admin, 5)).Count);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task OnceAudience_Validated_Simulated_AndEnteredAtItsTime(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, workspaceId) = journeys;
        await IdentifyAsync(site, "x", new { email = "x@example.com", plan = "gold" });
        await IdentifyAsync(site, "y", new { email = "y@example.com", plan = "free" });
        var gold = await CampaignsTestData.SegmentAsync(host.Services, workspaceId, """trait.plan = "gold" """, 1);
        var hello = await TemplateAsync(host.Services, workspaceId, "<p>Hello</p>");
        object Definition(object schedule, long[] segments) => new
        {
            entry = new { kind = "audience", segments, schedule },
            nodes = new object[] { new { id = "hello", kind = "message", channel = "email", templateId = hello } },
        };

        var refused = await admin.PostAsJsonAsync("/api/journeys", new { name = "Bad", definition = Definition(new { cron = "every monday", timeZone = "Mars/Olympus" }, []) }, Ct);
        var errors = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors;
        Assert.Equal(["entry.schedule.cron", "entry.schedule.timeZone", "entry.segments"], errors.Keys.Order(StringComparer.Ordinal));
        var neither = await admin.PostAsJsonAsync("/api/journeys", new { name = "Bad", definition = Definition(new { }, [gold]) }, Ct);
        Assert.Contains("entry.schedule", (await neither.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors.Keys);

        var at = First.AddHours(3);
        var journey = await LaunchAsync(admin, Definition(new { at }, [gold]));
        var x = await ProfileIdAsync(admin, "x");
        var simulated = await SimulateAsync(admin, journey.Id, new { profileId = x, start = Start });
        Assert.Equal(("completed", at), (simulated.State, simulated.Steps[0].At));
        Assert.Equal("sent", simulated.Steps[0].Outcome);
        var outsider = await SimulateAsync(admin, journey.Id, new { profileId = await ProfileIdAsync(admin, "y"), start = Start });
        Assert.Equal("not_entered", outsider.State);

        time.Advance(at - Start);
        var entry = Assert.Single(await WaitForJourneyAsync(host.Services, admin, journey.Id, 1));
        Assert.Equal((x, at, "hello:sent, hello:completed"), (entry.ProfileId, entry.EnteredAt, Path(entry)));
        time.Advance(TimeSpan.FromDays(2));
        await SettleAudienceAsync(host.Services);
        Assert.Single(await EntriesAsync(admin, journey.Id));
    }

    private static async Task<JourneySimulationResponse> SimulateAsync(HttpClient admin, long journeyId, object request)
    {
        var response = await admin.PostAsJsonAsync($"/api/journeys/{journeyId}/simulate", request, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JourneySimulationResponse>(Ct))!;
    }

    private static async Task<IReadOnlyList<JourneyEntryResponse>> EntriesAsync(HttpClient admin, long journeyId) =>
        (await admin.GetFromJsonAsync<JourneyEntriesResponse>($"/api/journeys/{journeyId}/entries?limit=100", Ct))!.Entries;

    /// <summary>
    /// Waits for the journey's entries, waking the occurrence worker now and then: one that measured its sleep just
    /// before the test moved the frozen clock sleeps from the new time.
    /// </summary>
    private static async Task<IReadOnlyList<JourneyEntryResponse>> WaitForJourneyAsync(IServiceProvider services, HttpClient admin, long journeyId, int count)
    {
        for (var tries = 0; ; tries++)
        {
            if (tries % 10 == 9)
            {
                services.GetRequiredService<JobSignal>().Notify(JourneyAudienceJob.Queue);
            }

            var entries = await EntriesAsync(admin, journeyId);
            if (entries.Count >= count && entries.All(e => e.State is "completed" or "exited"))
            {
                return entries;
            }

            Assert.True(tries < 1500, $"{entries.Count} of {count} entries");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Waits until no occurrence page is due or running.</summary>
    private static async Task SettleAudienceAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<JobQueue>();
        for (var tries = 0; (await queue.StatsAsync(Ct)).Where(q => q.Queue == JourneyAudienceJob.Queue).Sum(q => q.Due + q.Running) > 0; tries++)
        {
            Assert.True(tries < 1500, "occurrence pages still due");
            await Task.Delay(20, Ct);
        }
    }
}
