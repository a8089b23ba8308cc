using Kizuna.Work;

namespace Kizuna.Server.Operations;

/// <summary>The cluster's background work at <see cref="At"/>.</summary>
public sealed record OperationsResponse(DateTimeOffset At, IReadOnlyList<QueueResponse> Queues, IReadOnlyList<ConsumerResponse> Consumers)
{
    public static OperationsResponse From(WorkReport report) => new(
        report.At,
        [.. report.Queues.Select(q => QueueResponse.From(q, report.At))],
        [.. report.Consumers.Select(ConsumerResponse.From)]);
}
