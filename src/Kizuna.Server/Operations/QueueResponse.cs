using Kizuna.Work.Jobs;

namespace Kizuna.Server.Operations;

/// <summary>One job queue: jobs due now, running under a lease, scheduled for later, dead; and the oldest due job's wait.</summary>
public sealed record QueueResponse(string Queue, long Due, long Running, long Scheduled, long Dead, DateTimeOffset? OldestDueAt, double WaitSeconds)
{
    public static QueueResponse From(QueueStats stats, DateTimeOffset at) => new(
        stats.Queue, stats.Due, stats.Running, stats.Scheduled, stats.Dead, stats.OldestDueAt, Math.Round(stats.WaitAt(at).TotalSeconds, 3));
}
