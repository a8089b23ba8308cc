using Kizuna.Work.Jobs;

namespace Kizuna.Campaigns.Sending;

/// <summary>Runs the steps of campaign runs (<see cref="CampaignJob"/>), one job at a time in claim order.</summary>
public sealed class CampaignJobHandler(CampaignSnapshot snapshot, CampaignDispatcher dispatcher, CampaignRunner runner) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new(CampaignJob.Queue, 4, TimeSpan.FromMinutes(2), 10);

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var claimed in jobs)
        {
            if (CampaignJob.Read(claimed) is not { } job)
            {
                outcomes.GiveUp(claimed, "The job names no campaign step.");
                continue;
            }

            switch (job.Step)
            {
                case CampaignJob.Start:
                    await snapshot.StartAsync(job, ct);
                    break;
                case CampaignJob.Snapshot:
                    await snapshot.SnapshotAsync(job, ct);
                    break;
                case CampaignJob.Dispatch:
                    await dispatcher.DispatchAsync(job, ct);
                    break;
                case CampaignJob.Winner:
                    await runner.PickWinnerAsync(job.WorkspaceId, job.CampaignId, null, ct);
                    break;
                default:
                    outcomes.GiveUp(claimed, $"'{job.Step}' is not a campaign step.");
                    break;
            }
        }
    }
}
