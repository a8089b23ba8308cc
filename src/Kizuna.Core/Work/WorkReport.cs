using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;

namespace Kizuna.Work;

/// <summary>The background work of the whole cluster at one instant: every queue and every feed consumer.</summary>
public sealed record WorkReport(DateTimeOffset At, IReadOnlyList<QueueStats> Queues, IReadOnlyList<ConsumerLag> Consumers)
{
    /// <summary>How long the oldest due job of <paramref name="queue"/> has waited for a node to take it.</summary>
    public static TimeSpan Wait(QueueStats queue, DateTimeOffset at) =>
        queue.OldestDueAt is { } due && at > due ? at - due : TimeSpan.Zero;

    /// <summary>The longest any due job has waited, over every queue.</summary>
    public TimeSpan LongestWait => Queues.Count == 0 ? TimeSpan.Zero : Queues.Max(q => Wait(q, At));

    /// <summary>The largest lag over every consumer.</summary>
    public TimeSpan LargestLag => Consumers.Count == 0 ? TimeSpan.Zero : Consumers.Max(c => c.Lag);
}
