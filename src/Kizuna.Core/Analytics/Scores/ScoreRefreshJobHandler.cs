using Kizuna.Work.Jobs;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Runs refreshes from the <c>scores</c> queue, one at a time per node. A refresh replaces the workspace's values
/// whole, so running one again (its node died before completing it) only writes the same values again.
/// </summary>
public sealed class ScoreRefreshJobHandler(ScoreRefresher refresher) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new("scores", BatchSize: 1, Lease: TimeSpan.FromMinutes(2), MaxAttempts: 3);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            if (job.WorkspaceId is not { } workspaceId)
            {
                outcomes.Fail(job, "A scores job names no workspace.");
                continue;
            }

            await refresher.RefreshAsync(workspaceId, null, ct);
        }
    }
}
