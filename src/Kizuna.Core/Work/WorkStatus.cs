using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;

namespace Kizuna.Work;

/// <summary>Reads the state of the job queue and the change feed together, for the health check, the API and the dashboard.</summary>
public sealed class WorkStatus(JobQueue jobs, ChangeFeed feed, TimeProvider time)
{
    public async Task<WorkReport> ReadAsync(CancellationToken ct)
    {
        var queues = await jobs.StatsAsync(ct);
        var consumers = await feed.LagAsync(ct);
        return new WorkReport(time.GetUtcNow(), queues, consumers);
    }
}
