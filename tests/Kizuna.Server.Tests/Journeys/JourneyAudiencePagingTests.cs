using System.Data.Common;
using System.Text.Json;
using Dapper;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Storage;
using Kizuna.Ingestion;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Storage;
using Kizuna.Server.Campaigns;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>An audience occurrence larger than a page: every member entered once, however often its pages run or fail.</summary>
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
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (journeyId, members) = await AudienceJourneyAsync(journeys);

        await OccurrenceEntersEachOnceAsync(journeys, journeyId, members);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Occurrence_PagesRunAgainAndOverlapping_EntersNobodyTwice(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (journeyId, members) = await AudienceJourneyAsync(journeys);

        // As after a crash between a page's commit and its job's completion: the first page runs, then runs again when
        // its lease runs out; and a page from a cursor in the middle of it (another node's view) runs over half of it.
        var handler = journeys.Host.Services.GetRequiredKeyedService<IJobHandler>(JourneyAudienceJob.Queue);
        var first = new JourneyAudienceJob(journeys.WorkspaceId, journeyId, Epoch.ToMs(Occurrence));
        await RunAsync(handler, first, journeys.Time);
        await RunAsync(handler, first, journeys.Time);
        await RunAsync(handler, first with { After = members[JourneyAudienceHandler.PageSize / 2] }, journeys.Time);
        // (The job worker meanwhile runs the next pages these runs queued, so they interleave with it.)
        var midway = await journeys.Host.Services.GetRequiredService<EntryStore>().OfProfilesAsync(journeys.WorkspaceId, members, [journeyId], Ct);
        Assert.InRange(midway.Count, JourneyAudienceHandler.PageSize + (JourneyAudienceHandler.PageSize / 2) + 1, Members);
        Assert.Equal(midway.Count, midway.Select(e => e.ProfileId).Distinct().Count());

        // Then the occurrence itself, with the page the launch queued, runs everything once more to the end.
        await OccurrenceEntersEachOnceAsync(journeys, journeyId, members);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Occurrence_PageFailingPartWayThroughItsWrites_LeavesNothingOfItAndItsRetryEntersEachOnce(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (journeyId, members) = await AudienceJourneyAsync(journeys);
        var database = journeys.Host.Services.GetRequiredService<Database>();

        // The store refuses the step of the page's middle member: its entries and the steps before it are written by
        // then, inside the page's transaction.
        var middle = members[JourneyAudienceHandler.PageSize / 2];
        await ExecuteAsync(database, database.Kind == StoreKind.Postgres
            ? [
                "CREATE FUNCTION interrupt_page() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the page is interrupted'; END $$",
                $"CREATE TRIGGER interrupt_page BEFORE INSERT ON journey_steps FOR EACH ROW WHEN (NEW.profile_id = {middle}) EXECUTE FUNCTION interrupt_page()",
            ]
            : [$"CREATE TRIGGER interrupt_page BEFORE INSERT ON journey_steps WHEN NEW.profile_id = {middle} BEGIN SELECT RAISE(ABORT, 'the page is interrupted'); END"]);
        var handler = journeys.Host.Services.GetRequiredKeyedService<IJobHandler>(JourneyAudienceJob.Queue);
        var first = new JourneyAudienceJob(journeys.WorkspaceId, journeyId, Epoch.ToMs(Occurrence));
        await Assert.ThrowsAnyAsync<DbException>(() => RunAsync(handler, first, journeys.Time));

        // Nothing of the page is left: no entry, no step, no timer, no next page.
        var workspaceId = journeys.WorkspaceId;
        var queues = new[] { JourneyTimer.Queue, JourneyTimer.ActionQueue, JourneyAudienceJob.Queue };
        Assert.Equal(0, await CountAsync(database, $"journey_entries WHERE journey_id = {journeyId}"));
        Assert.Equal(0, await CountAsync(database, $"journey_steps WHERE journey_id = {journeyId}"));
        Assert.Equal(1, await CountAsync(database, $"jobs WHERE workspace_id = {workspaceId} AND queue IN ('{string.Join("', '", queues)}')"));   // the occurrence the launch queued

        // The store takes the writes again; the occurrence's run of that page, and of the pages after it, enters everyone once.
        await ExecuteAsync(database, ["DROP TRIGGER interrupt_page" + (database.Kind == StoreKind.Postgres ? " ON journey_steps" : "")]);
        await OccurrenceEntersEachOnceAsync(journeys, journeyId, members);
        Assert.Equal(Members, await CountAsync(database, $"(SELECT DISTINCT profile_id FROM journey_steps WHERE journey_id = {journeyId}) AS stepped"));
    }

    private static async Task<long> CountAsync(Database database, string from)
    {
        await using var connection = await database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {from}", cancellationToken: Ct));
    }

    private static async Task ExecuteAsync(Database database, IEnumerable<string> statements)
    {
        await using var connection = await database.OpenAsync(Ct);
        foreach (var sql in statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: Ct));
        }
    }

    private static async Task<(long JourneyId, List<long> Members)> AudienceJourneyAsync(JourneyHost journeys)
    {
        var (time, host, admin, _, workspaceId) = journeys;
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
        return (journey.Id, members);
    }

    private static async Task RunAsync(IJobHandler handler, JourneyAudienceJob job, FakeTimeProvider time)
    {
        var claimed = new ClaimedJob(0, JourneyAudienceJob.Queue, null, JourneyAudienceJob.Group(job.JourneyId), job.WorkspaceId,
            JsonSerializer.Serialize(job), 1, JourneyAudienceHandler.Settings.MaxAttempts, 0, time.GetUtcNow().AddMinutes(2));
        await handler.HandleAsync([claimed], new JobOutcomes(), Ct);
    }

    /// <summary>Lets the occurrence come due, waits for its pages, and checks that every member entered once.</summary>
    private static async Task OccurrenceEntersEachOnceAsync(JourneyHost journeys, long journeyId, List<long> members)
    {
        journeys.Time.Advance(Occurrence - Start);
        await WaitForEnteredAsync(journeys, journeyId);
        await AssertEachMemberOnceAsync(journeys, journeyId, members);
    }

    /// <summary>Waits until the occurrence's pages are done and the journey has as many entries as members.</summary>
    private static async Task WaitForEnteredAsync(JourneyHost journeys, long journeyId)
    {
        var services = journeys.Host.Services;
        var queue = services.GetRequiredService<JobQueue>();
        var entries = services.GetRequiredService<EntryStore>();
        for (var tries = 0; ; tries++)
        {
            if (tries % 10 == 9)
            {
                services.GetRequiredService<JobSignal>().Notify(JourneyAudienceJob.Queue);
            }

            var busy = (await queue.StatsAsync(Ct)).Where(q => q.Queue == JourneyAudienceJob.Queue).Sum(q => q.Due + q.Running);
            var entered = (await entries.TotalsAsync(journeys.WorkspaceId, Ct)).GetValueOrDefault(journeyId)?.Entered ?? 0;
            if (busy == 0 && entered >= Members)
            {
                return;
            }

            Assert.True(tries < 3000, $"{entered} of {Members} entered, {busy} pages due or running");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task AssertEachMemberOnceAsync(JourneyHost journeys, long journeyId, List<long> members)
    {
        var entries = journeys.Host.Services.GetRequiredService<EntryStore>();
        var all = await entries.OfProfilesAsync(journeys.WorkspaceId, members, [journeyId], Ct);
        Assert.Equal(Members, all.Count);
        Assert.Equal(members.Order(), all.Select(e => e.ProfileId).Order());
        Assert.All(all, e => Assert.Equal($"audience:{Epoch.ToMs(Occurrence)}:{e.ProfileId}", e.EntryKey));
        Assert.Equal(Members, (await entries.TotalsAsync(journeys.WorkspaceId, Ct))[journeyId].Entered);
    }
}
