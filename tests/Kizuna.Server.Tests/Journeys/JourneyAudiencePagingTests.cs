using System.Text.Json;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Storage;
using Kizuna.Ingestion;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Storage;
using Kizuna.Server.Campaigns;
using Kizuna.Server.Messaging;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>An audience occurrence larger than a page: every member entered once, however often its pages run.</summary>
public sealed class JourneyAudiencePagingTests
{
    private const int Members = 2_500;

    private static readonly DateTimeOffset Start = new(2026, 5, 3, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Occurrence = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Occurrence_AudienceOfThreePages_EntersEveryMemberExactlyOnce(string engine)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var (workspaceId, journeyId, members) = await AudienceJourneyAsync(host, time);

        time.Advance(Occurrence - Start);
        await WaitForEnteredAsync(host.Services, workspaceId, journeyId);

        await AssertEachMemberOnceAsync(host.Services, workspaceId, journeyId, members);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Occurrence_PagesRunAgainAndOverlapping_EntersNobodyTwice(string engine)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new KizunaApplication(engine, MessagingApi.Catcher);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        var (workspaceId, journeyId, members) = await AudienceJourneyAsync(host, time);

        // As after a crash between a page's commit and its job's completion: the first page runs, then runs again when
        // its lease runs out; and a page from a cursor in the middle of it (another node's view) runs over half of it.
        var handler = host.Services.GetRequiredKeyedService<IJobHandler>(JourneyAudienceJob.Queue);
        var first = new JourneyAudienceJob(workspaceId, journeyId, Epoch.ToMs(Occurrence));
        await RunAsync(handler, first, time);
        await RunAsync(handler, first, time);
        await RunAsync(handler, first with { After = members[JourneyAudienceHandler.PageSize / 2] }, time);
        // (The job worker meanwhile runs the next pages these runs queued, so they interleave with it.)
        var midway = await host.Services.GetRequiredService<EntryStore>().OfProfilesAsync(workspaceId, members, [journeyId], Ct);
        Assert.InRange(midway.Count, JourneyAudienceHandler.PageSize + (JourneyAudienceHandler.PageSize / 2) + 1, Members);
        Assert.Equal(midway.Count, midway.Select(e => e.ProfileId).Distinct().Count());

        // Then the occurrence itself, with the page the launch queued, runs everything once more to the end.
        time.Advance(Occurrence - Start);
        await WaitForEnteredAsync(host.Services, workspaceId, journeyId);

        await AssertEachMemberOnceAsync(host.Services, workspaceId, journeyId, members);
    }

    private static async Task<(long WorkspaceId, long JourneyId, List<long> Members)> AudienceJourneyAsync(WebApplicationFactory<Program> host, FakeTimeProvider time)
    {
        var (admin, site, workspaceId) = await ClientsAsync(host);
        using var a = admin;
        using var w = site;
        await host.Services.GetRequiredService<IngestionPipeline>().SubmitAsync(new IngestBatch(workspaceId, [.. Enumerable.Range(0, Members).Select(i => new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = $"m{i}",
            TraitsJson = $$"""{"email":"m{{i}}@example.com","plan":"gold"}""", Timestamp = time.GetUtcNow(), ReceivedAt = time.GetUtcNow(),
        })]), Ct);
        var gold = await CampaignsTestData.SegmentAsync(host.Services, workspaceId, """trait.plan = "gold" """, Members);

        // Re-entry always: only the entry's key (occurrence and customer) keeps a page run twice from entering anyone again.
        var journey = await LaunchAsync(admin, new
        {
            entry = new { kind = "audience", segments = new[] { gold }, schedule = new { at = Occurrence } },
            reEntry = new { mode = "always" },
            nodes = new object[]
            {
                new { id = "wait", kind = "delay", duration = "1d", next = "done" },
                new { id = "done", kind = "exit" },
            },
        });

        var reader = host.Services.GetRequiredService<AudienceReader>();
        var members = new List<long>();
        while (await reader.PageAsync(workspaceId, new CampaignAudience([gold], []), members.LastOrDefault(), JourneyAudienceHandler.PageSize, Ct) is { Count: > 0 } page)
        {
            members.AddRange(page);
        }

        Assert.Equal(Members, members.Count);
        return (workspaceId, journey.Id, members);
    }

    private static async Task RunAsync(IJobHandler handler, JourneyAudienceJob job, FakeTimeProvider time)
    {
        var claimed = new ClaimedJob(0, JourneyAudienceJob.Queue, null, JourneyAudienceJob.Group(job.JourneyId), job.WorkspaceId,
            JsonSerializer.Serialize(job), 1, JourneyAudienceHandler.Settings.MaxAttempts, 0, time.GetUtcNow().AddMinutes(2));
        await handler.HandleAsync([claimed], new JobOutcomes(), Ct);
    }

    /// <summary>Waits until the occurrence's pages are done and the journey has as many entries as members.</summary>
    private static async Task WaitForEnteredAsync(IServiceProvider services, long workspaceId, long journeyId)
    {
        var queue = services.GetRequiredService<JobQueue>();
        var entries = services.GetRequiredService<EntryStore>();
        for (var tries = 0; ; tries++)
        {
            if (tries % 10 == 9)
            {
                services.GetRequiredService<JobSignal>().Notify(JourneyAudienceJob.Queue);
            }

            var busy = (await queue.StatsAsync(Ct)).Where(q => q.Queue == JourneyAudienceJob.Queue).Sum(q => q.Due + q.Running);
            var entered = (await entries.TotalsAsync(workspaceId, Ct)).GetValueOrDefault(journeyId)?.Entered ?? 0;
            if (busy == 0 && entered >= Members)
            {
                return;
            }

            Assert.True(tries < 3000, $"{entered} of {Members} entered, {busy} pages due or running");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task AssertEachMemberOnceAsync(IServiceProvider services, long workspaceId, long journeyId, List<long> members)
    {
        var all = await services.GetRequiredService<EntryStore>().OfProfilesAsync(workspaceId, members, [journeyId], Ct);
        Assert.Equal(Members, all.Count);
        Assert.Equal(members.Order(), all.Select(e => e.ProfileId).Order());
        Assert.All(all, e => Assert.Equal($"audience:{Epoch.ToMs(Occurrence)}:{e.ProfileId}", e.EntryKey));
        Assert.Equal(Members, (await services.GetRequiredService<EntryStore>().TotalsAsync(workspaceId, Ct))[journeyId].Entered);
    }
}
