namespace Kizuna.Work.Jobs;

/// <summary>
/// One queue at a glance: jobs due now (including those whose lease expired), scheduled for later, running under a
/// lease, dead, and the due time of the oldest job waiting (how far behind the queue is).
/// </summary>
public sealed record QueueStats(string Queue, long Due, long Scheduled, long Running, long Dead, DateTimeOffset? OldestDueAt)
{
    /// <summary>How long the oldest due job has waited at <paramref name="at"/> for a node to take it.</summary>
    public TimeSpan WaitAt(DateTimeOffset at) => OldestDueAt is { } due && at > due ? at - due : TimeSpan.Zero;
}
