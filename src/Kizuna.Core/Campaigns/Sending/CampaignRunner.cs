using Kizuna.Campaigns.Reports;
using Kizuna.Campaigns.Storage;
using Kizuna.Messaging.Outbox;
using Kizuna.Work.Jobs;

namespace Kizuna.Campaigns.Sending;

/// <summary>
/// Pause, resume, cancel and the A/B winner. A pause stops the dispatch chain at its next chunk and holds back what
/// is already in the outbox (<see cref="CampaignCheck"/>); a resume makes those messages due again and starts a new
/// chain from the snapshot; a cancel drops every step waiting, every recipient not yet queued, and the campaign's
/// outbox messages no node has started.
/// </summary>
public sealed class CampaignRunner(
    CampaignStore campaigns, RecipientStore runs, DispatchStore recipients, OutboxStore outbox, CampaignReports reports, JobQueue jobs, TimeProvider time)
{
    public const string CancelledReason = "The campaign was cancelled.";

    public async Task<CampaignResult> PauseAsync(long workspaceId, long id, CancellationToken ct) =>
        await MoveAsync(workspaceId, id, [CampaignState.Scheduled, CampaignState.Sending], CampaignState.Paused, ct);

    public async Task<CampaignResult> ResumeAsync(long workspaceId, long id, CancellationToken ct)
    {
        if (await campaigns.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return CampaignResult.NotFound;
        }

        var run = campaign.Runs > 0 ? await runs.RunAsync(workspaceId, id, campaign.Runs, ct) : null;
        var to = run is { FinishedAt: null } ? CampaignState.Sending : CampaignState.Scheduled;
        if (!await campaigns.MoveAsync(workspaceId, id, [CampaignState.Paused], to, campaign.NextRunAt, ct))
        {
            return CampaignResult.Conflict(campaign, $"Only a paused campaign is resumed; this one is {CampaignStates.Name(campaign.State)}.");
        }

        if (to == CampaignState.Sending)
        {
            await recipients.ReleaseHeldBackAsync(workspaceId, id, OutboxJobs.Queue(campaign.Definition.Channel), CampaignCheck.PausedReason, time.GetUtcNow(), ct);
            await NewChainAsync(workspaceId, id, campaign.Runs, ct);
        }

        return CampaignResult.Done((await campaigns.FindAsync(workspaceId, id, ct))!);
    }

    public async Task<CampaignResult> CancelAsync(long workspaceId, long id, CancellationToken ct)
    {
        var result = await MoveAsync(workspaceId, id, [CampaignState.Draft, CampaignState.Scheduled, CampaignState.Sending, CampaignState.Paused], CampaignState.Cancelled, ct);
        if (result.Status == CampaignResultStatus.Done)
        {
            await jobs.CancelGroupAsync(CampaignJob.Group(id), ct);
            await outbox.DropAsync(workspaceId, await recipients.CancelAsync(workspaceId, id, ct), CancelledReason, ct);
        }

        return result;
    }

    /// <summary>Picks the winner by hand (or, with null, by the test's metric) and sends it to the customers held back.</summary>
    public async Task<CampaignResult> PickWinnerAsync(long workspaceId, long id, int? variant, CancellationToken ct)
    {
        if (await campaigns.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return CampaignResult.NotFound;
        }

        if (variant is { } v && (v < 0 || v >= campaign.Definition.Variants.Count))
        {
            return CampaignResult.Invalid("variant", $"The campaign has variants 0 to {campaign.Definition.Variants.Count - 1}.");
        }

        if (campaign.Winner is not null && variant is not null)
        {
            return CampaignResult.Conflict(campaign, "The winner was picked already.");
        }

        var winner = campaign.Winner ?? variant ?? await reports.LeaderAsync(campaign, ct);
        await campaigns.SetWinnerAsync(workspaceId, id, winner, ct);
        if (campaign.Runs > 0 && await recipients.ReleaseHeldAsync(workspaceId, id, campaign.Runs, winner, time.GetUtcNow(), ct) > 0)
        {
            await NewChainAsync(workspaceId, id, campaign.Runs, ct);
        }

        return CampaignResult.Done((await campaigns.FindAsync(workspaceId, id, ct))!);
    }

    /// <summary>A dispatch chain of its own (keyed by the time), for a resume or the customers a winner releases.</summary>
    private Task NewChainAsync(long workspaceId, long id, int run, CancellationToken ct) =>
        jobs.EnqueueAsync(new CampaignJob(CampaignJob.Dispatch, workspaceId, id, run, time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000).ToJob(), ct);

    private async Task<CampaignResult> MoveAsync(long workspaceId, long id, CampaignState[] from, CampaignState to, CancellationToken ct)
    {
        if (await campaigns.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return CampaignResult.NotFound;
        }

        return await campaigns.MoveAsync(workspaceId, id, from, to, campaign.NextRunAt, ct)
            ? CampaignResult.Done((await campaigns.FindAsync(workspaceId, id, ct))!)
            : CampaignResult.Conflict(campaign, $"A {CampaignStates.Name(campaign.State)} campaign cannot be {CampaignStates.Name(to)}.");
    }
}
