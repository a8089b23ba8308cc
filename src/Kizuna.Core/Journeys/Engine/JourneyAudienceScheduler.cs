using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// Queues the next occurrence of a live audience journey when it goes live, is resumed or is edited; each occurrence
/// queues the one after it when it runs. Occurrences that fell while the journey was paused are skipped.
/// </summary>
public sealed class JourneyAudienceScheduler(JourneyStore journeys, JobQueue jobs, TimeProvider time)
{
    public async Task ScheduleAsync(long workspaceId, long journeyId, bool launching, CancellationToken ct)
    {
        if (await journeys.FindAsync(workspaceId, journeyId, ct) is not { State: JourneyStates.Live, LiveVersion: { } live }
            || await journeys.VersionAsync(workspaceId, journeyId, live, ct) is not { Definition.Entry: { Kind: JourneyEntryRule.OnAudience, Schedule: { } schedule } })
        {
            return;
        }

        var now = time.GetUtcNow();
        if (JourneyOccurrences.First(schedule, now, launching) is { } first)
        {
            await jobs.EnqueueAsync(new JourneyAudienceJob(workspaceId, journeyId, Epoch.ToMs(first)).ToJob(first < now ? now : first), ct);
        }
    }
}
