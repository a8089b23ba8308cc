namespace Kizuna.Work.Jobs;

/// <summary>
/// One queue at a glance: jobs due now (including those whose lease expired), scheduled for later, running under a
/// lease, dead, and the due time of the oldest job waiting (how far behind the queue is).
/// </summary>
public sealed record QueueStats(string Queue, long Due, long Scheduled, long Running, long Dead, DateTimeOffset? OldestDueAt);
