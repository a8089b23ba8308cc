using Cronos;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Puts refreshes on the <c>scores</c> queue, coalesced per workspace by the job's idempotency key. A request
/// (an import ending, the API, the page) joins the refresh due at the end of the current
/// <see cref="ScoresOptions.CoalesceWindow"/>: key <c>scores:{workspace}:{window end}</c>. Every request is made
/// before that due time and the job is claimed only after it, so the one refresh sees the data of every request
/// it stands for, however many imports end in the window. The daily refresh has the key of its occurrence
/// (<c>scores:{workspace}:daily:{time}</c>), so every node may schedule it and it still runs once.
/// </summary>
public sealed class ScoreRefreshQueue(JobQueue queue, IOptions<ScoresOptions> options, TimeProvider time)
{
    /// <summary>Asks for a refresh soon; returns the job that will run it (the one already waiting in this window, if any).</summary>
    public async Task<ScoreRefreshJob> RequestAsync(long workspaceId, string reason, CancellationToken ct)
    {
        var window = options.Value.CoalesceWindow.Ticks;
        var now = time.GetUtcNow().UtcTicks;
        var due = new DateTimeOffset((now / window + 1) * window, TimeSpan.Zero);
        return await EnqueueAsync(workspaceId, $"scores:{workspaceId}:{due.ToUnixTimeMilliseconds()}", due, reason, ct);
    }

    /// <summary>Schedules the workspace's next daily refresh after <paramref name="after"/>.</summary>
    public async Task<ScoreRefreshJob> ScheduleNextAsync(long workspaceId, DateTimeOffset after, CancellationToken ct)
    {
        var due = NextDaily(options.Value, after);
        return await EnqueueAsync(workspaceId, $"scores:{workspaceId}:daily:{due.ToUnixTimeMilliseconds()}", due, "schedule", ct);
    }

    /// <summary>The first daily time strictly after <paramref name="after"/>, in the configured zone (DST handled by Cronos).</summary>
    public static DateTimeOffset NextDaily(ScoresOptions settings, DateTimeOffset after)
    {
        var cron = CronExpression.Parse($"{settings.DailyAt.Minute} {settings.DailyAt.Hour} * * *");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        return cron.GetNextOccurrence(after, zone) ?? throw new InvalidOperationException("A daily schedule always has a next occurrence.");
    }

    private async Task<ScoreRefreshJob> EnqueueAsync(long workspaceId, string key, DateTimeOffset due, string reason, CancellationToken ct)
    {
        var id = await queue.EnqueueAsync(new NewJob(
            ScoreRefreshJobHandler.Settings.Queue, new ScoreRefreshPayload(reason).ToJson(), Key: key, WorkspaceId: workspaceId, DueAt: due), ct);
        return new ScoreRefreshJob(id, key, due);
    }
}
