using System.Text.Json.Nodes;
using Kizuna.Campaigns;
using Kizuna.Campaigns.Storage;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Runs occurrences of audience entries a page at a time: the members of the included segments and of no excluded
/// one, read from a profile-id cursor by the campaigns' <see cref="AudienceReader"/>, enter under the journey's
/// re-entry rule, run to their first delay or wait and are written in one transaction; then the next page is queued.
/// A page never takes more than the entry limit has room for, and waits for room when there is none. The first page
/// of an occurrence queues the next occurrence. An occurrence of a journey no longer live, or one its edited schedule
/// no longer has, does nothing.
/// </summary>
public sealed class JourneyAudienceHandler(
    JourneyCatalog catalog, EntryStore entries, AudienceReader audience, JourneyEngine engine, JourneyWriter writer, JobQueue jobs,
    IOptions<SmsOptions> sms, TimeProvider time) : IJobHandler
{
    public const int PageSize = 1_000;

    /// <summary>How long a page that found the entry limit full waits before it looks again.</summary>
    public static readonly TimeSpan LimitWait = TimeSpan.FromMinutes(1);

    public static readonly JobQueueSettings Settings = new(JourneyAudienceJob.Queue, 1, TimeSpan.FromMinutes(2), 10);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var claimed in jobs)
        {
            if (JourneyAudienceJob.Read(claimed) is { } job)
            {
                await RunAsync(job, ct);
            }
            else
            {
                outcomes.GiveUp(claimed, "The job names no journey occurrence.");
            }
        }
    }

    private async Task RunAsync(JourneyAudienceJob job, CancellationToken ct)
    {
        var snapshot = await catalog.CurrentAsync(ct);
        if (!snapshot.Heads.TryGetValue(job.JourneyId, out var head) || head.WorkspaceId != job.WorkspaceId || head.State != JourneyStates.Live
            || snapshot.Find(job.JourneyId, head.LiveVersion ?? 0) is not { } journey
            || journey.Definition.Entry is not { Kind: JourneyEntryRule.OnAudience, Schedule: { } schedule, Segments: { } include } entry
            || !JourneyOccurrences.IsOccurrence(schedule, job.Occurrence))
        {
            return;
        }

        var now = time.GetUtcNow();
        var follow = new List<NewJob>();
        if (job is { After: 0, Waits: 0 } && JourneyOccurrences.Next(schedule, Epoch.FromMs(job.Occurrence)) is { } next)
        {
            follow.Add(new JourneyAudienceJob(job.WorkspaceId, job.JourneyId, Epoch.ToMs(next)).ToJob(next));
        }

        var room = PageSize;
        if (journey.Definition.EntryLimit is { } limit)
        {
            var per = JourneyDurations.Parse(limit.Per);
            room = (int)Math.Clamp(limit.Count - await entries.EnteredSinceAsync(job.WorkspaceId, job.JourneyId, now - per, ct), 0, PageSize);
            if (room == 0)
            {
                follow.Add((job with { Waits = job.Waits + 1 }).ToJob(now + (per < LimitWait ? per : LimitWait)));
                await jobs.EnqueueManyAsync(follow, ct);
                return;
            }
        }

        var page = await audience.PageAsync(job.WorkspaceId, new CampaignAudience(include, entry.ExcludeSegments ?? []), job.After, room, ct);
        if (page.Count > 0)
        {
            await EnterAsync(snapshot, journey, job, page, now, ct);
        }

        if (page.Count == room)
        {
            follow.Add((job with { After = page[^1], Waits = 0 }).ToJob(now));
        }

        await jobs.EnqueueManyAsync(follow, ct);
    }

    private async Task EnterAsync(JourneySnapshot snapshot, CompiledJourney journey, JourneyAudienceJob job, IReadOnlyList<long> page, DateTimeOffset now, CancellationToken ct)
    {
        var pass = new JourneyPass(snapshot, now);
        foreach (var earlier in await entries.OfProfilesAsync(job.WorkspaceId, page, [job.JourneyId], ct))
        {
            pass.Load(earlier);
        }

        var data = new JsonObject { ["occurrence"] = Epoch.FromMs(job.Occurrence).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }.ToJsonString();
        var steps = new JourneySteps(await engine.PrepareAsync([journey], [.. page.Select(p => (job.WorkspaceId, p))], ct), now, sms.Value.DefaultRegion);
        var entrance = new JourneyEntrance(entries);
        foreach (var profileId in page)
        {
            if (await entrance.EnterAsync(pass, journey, profileId, job.EntryKey(profileId), null, data, ct) is { } run)
            {
                steps.Run(run, journey.Definition.StartNode);
            }
        }

        await writer.CommitAsync(pass, ct);
    }
}
