using System.Collections.Concurrent;
using System.Diagnostics;
using Kizuna.Work.Jobs;

namespace Kizuna.Bench.Jobs;

/// <summary>
/// The job queue's side of W6: every node enqueues its share of the jobs in batches, then every node claims and
/// completes batches until the queue is empty. Each job carries a small JSON payload and a unique key, as a send does.
/// </summary>
public static class QueueLoad
{
    public static async Task<JobsResult> RunAsync(IReadOnlyList<JobQueue> nodes, string run, JobsOptions options, CancellationToken ct)
    {
        var share = options.Jobs / nodes.Count;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
        {
            for (var offset = 0; offset < share; offset += options.Batch)
            {
                var jobs = Enumerable.Range(offset, Math.Min(options.Batch, share - offset)).Select(i => new NewJob(
                    run, $$"""{"profile":{{i}},"template":42,"channel":"email"}""", Key: $"{n}:{i}", Group: "campaign-1", WorkspaceId: 1)).ToList();
                await node.EnqueueManyAsync(jobs, ct);
            }
        }, ct)));
        var enqueued = Stopwatch.GetElapsedTime(started);

        var completed = new ConcurrentBag<int>();
        started = Stopwatch.GetTimestamp();
        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            while (await node.ClaimAsync(run, options.Batch, TimeSpan.FromMinutes(5), ct) is { Count: > 0 } claimed)
            {
                completed.Add(await node.CompleteAsync(claimed, ct));
            }
        }, ct)));
        var claimedAndCompleted = Stopwatch.GetElapsedTime(started);

        var total = completed.Sum();
        return total == share * nodes.Count
            ? new JobsResult(total, enqueued, claimedAndCompleted)
            : throw new InvalidOperationException($"{total} jobs were completed of {share * nodes.Count} enqueued.");
    }
}
