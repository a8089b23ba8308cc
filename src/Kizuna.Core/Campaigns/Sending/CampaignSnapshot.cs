using Kizuna.Campaigns.Storage;
using Kizuna.Work.Jobs;

namespace Kizuna.Campaigns.Sending;

/// <summary>
/// The run's start and its audience snapshot, a chunk per job: who is targeted, in which variant or the control, and
/// when each message is due. A recurring campaign queues its next start when a run starts.
/// </summary>
public sealed class CampaignSnapshot(CampaignStore campaigns, RecipientStore recipients, AudienceReader audience, JobQueue jobs, TimeProvider time)
{
    public const int Chunk = 2_000;

    public async Task StartAsync(CampaignJob job, CancellationToken ct)
    {
        if (await campaigns.FindAsync(job.WorkspaceId, job.CampaignId, ct) is not { } campaign
            || campaign.State is CampaignState.Draft or CampaignState.Cancelled or CampaignState.Sent)
        {
            return;
        }

        await recipients.StartRunAsync(job.WorkspaceId, job.CampaignId, job.Run, ct);
        var next = campaign.Definition.Schedule.Kind == ScheduleKind.Recurring
            ? CampaignTiming.NextRun(campaign.Definition.Schedule, time.GetUtcNow(), job.Run)
            : null;
        await campaigns.MoveAsync(job.WorkspaceId, job.CampaignId, [CampaignState.Scheduled], CampaignState.Sending, next, ct);
        var steps = new List<NewJob> { (job with { Step = CampaignJob.Snapshot, After = 0 }).ToJob() };
        if (next is { } at)
        {
            steps.Add(new CampaignJob(CampaignJob.Start, job.WorkspaceId, job.CampaignId, job.Run + 1).ToJob(at));
        }

        await jobs.EnqueueManyAsync(steps, ct);
    }

    public async Task SnapshotAsync(CampaignJob job, CancellationToken ct)
    {
        if (await campaigns.FindAsync(job.WorkspaceId, job.CampaignId, ct) is not { State: not CampaignState.Cancelled } campaign
            || await recipients.RunAsync(job.WorkspaceId, job.CampaignId, job.Run, ct) is not { SnapshotDone: false } run)
        {
            return;
        }

        var d = campaign.Definition;
        var now = time.GetUtcNow();
        var page = await audience.PageAsync(job.WorkspaceId, d.Audience, job.After, Chunk, ct);
        if (page.Count > 0)
        {
            var zones = d.Schedule.Kind == ScheduleKind.LocalTime ? await audience.ZonesAsync(job.WorkspaceId, page, ct) : null;
            await recipients.AddAsync(job.WorkspaceId, job.CampaignId, job.Run, [.. page.Select(p => (
                p,
                CampaignSplit.Assign(job.CampaignId, p, d),
                CampaignTiming.DueAt(d.Schedule, run.StartedAt, zones?.GetValueOrDefault(p), now)))], ct);
        }

        if (page.Count == Chunk)
        {
            await jobs.EnqueueAsync((job with { After = page[^1] }).ToJob(), ct);
            return;
        }

        var testEnds = d.Test is { TestPercent: < 100, Window: { } window } ? now + window : (DateTimeOffset?)null;
        await recipients.FinishSnapshotAsync(job.WorkspaceId, job.CampaignId, job.Run, testEnds, ct);
        var steps = new List<NewJob> { (job with { Step = CampaignJob.Dispatch, After = 0 }).ToJob() };
        if (testEnds is { } ends)
        {
            steps.Add((job with { Step = CampaignJob.Winner, After = 0 }).ToJob(ends));
        }

        await jobs.EnqueueManyAsync(steps, ct);
    }
}
