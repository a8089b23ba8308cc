using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;

namespace Kizuna.Work;

/// <summary>The background work of the whole cluster at one instant: every queue and every feed consumer.</summary>
public sealed record WorkReport(DateTimeOffset At, IReadOnlyList<QueueStats> Queues, IReadOnlyList<ConsumerLag> Consumers);
