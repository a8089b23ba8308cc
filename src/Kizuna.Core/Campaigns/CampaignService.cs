using Kizuna.Campaigns.Reports;
using Kizuna.Campaigns.Sending;
using Kizuna.Campaigns.Storage;
using Kizuna.Messaging;
using Kizuna.Profiles;
using Kizuna.Work.Jobs;

namespace Kizuna.Campaigns;

/// <summary>
/// What the API, the CLI and the dashboard call: campaigns saved as drafts (checked for shape first), the audience's
/// size, launch (refused with the reason when the campaign cannot send), pause, resume, cancel, the A/B winner by
/// hand, test sends to chosen profiles, and the report.
/// </summary>
public sealed class CampaignService(
    CampaignStore store, CampaignPreflight preflight, Sending.CampaignRunner runner, CampaignReports reports, JobQueue jobs, MessageService messages, TimeProvider time)
{
    public const int MaxTestProfiles = 20;

    public Task<IReadOnlyList<Campaign>> ListAsync(long workspaceId, CancellationToken ct) => store.ListAsync(workspaceId, ct);

    public Task<Campaign?> FindAsync(long workspaceId, long id, CancellationToken ct) => store.FindAsync(workspaceId, id, ct);

    public async Task<CampaignResult> CreateAsync(long workspaceId, CampaignDraft draft, string author, CancellationToken ct)
    {
        if (await preflight.CheckDefinitionAsync(workspaceId, draft, ct) is { } refused)
        {
            return refused;
        }

        return CampaignResult.Done(await store.CreateAsync(workspaceId, draft.Name!.Trim(), draft.Definition, author, ct));
    }

    /// <summary>Saves a new definition; only a draft or a scheduled campaign that has not started can change.</summary>
    public async Task<CampaignResult> UpdateAsync(long workspaceId, long id, CampaignDraft draft, CancellationToken ct)
    {
        if (await store.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return CampaignResult.NotFound;
        }

        if (await preflight.CheckDefinitionAsync(workspaceId, draft, ct) is { } refused)
        {
            return refused;
        }

        return await store.UpdateAsync(workspaceId, id, draft.Name!.Trim(), draft.Definition, ct)
            ? CampaignResult.Done((await store.FindAsync(workspaceId, id, ct))!)
            : CampaignResult.Conflict(campaign, $"A {CampaignStates.Name(campaign.State)} campaign cannot be edited.");
    }

    /// <summary>The audience of a definition as it stands now, before sending.</summary>
    public Task<AudienceSize> SizeAsync(long workspaceId, CampaignDefinition definition, CancellationToken ct) =>
        preflight.SizeAsync(workspaceId, 0, definition, ct);

    /// <summary>
    /// Schedules a draft: refused with the reason when the audience is empty, the channel is not configured, the
    /// schedule has passed or a variant's template fails for the first profiles of the audience.
    /// </summary>
    public async Task<CampaignResult> LaunchAsync(long workspaceId, long id, CancellationToken ct)
    {
        if (await store.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return CampaignResult.NotFound;
        }

        if (campaign.State != CampaignState.Draft)
        {
            return CampaignResult.Conflict(campaign, $"Only a draft is launched; this campaign is {CampaignStates.Name(campaign.State)}.");
        }

        if (await preflight.CheckSendableAsync(campaign, ct) is { } refused)
        {
            return refused;
        }

        var first = CampaignTiming.NextRun(campaign.Definition.Schedule, time.GetUtcNow(), 0)!.Value;
        if (!await store.MoveAsync(workspaceId, id, [CampaignState.Draft], CampaignState.Scheduled, first, ct))
        {
            return CampaignResult.Conflict(campaign, "The campaign changed meanwhile; reload it.");
        }

        await jobs.EnqueueAsync(new CampaignJob(CampaignJob.Start, workspaceId, id, 1).ToJob(first), ct);
        return CampaignResult.Done((await store.FindAsync(workspaceId, id, ct))!);
    }

    public Task<CampaignResult> PauseAsync(long workspaceId, long id, CancellationToken ct) => runner.PauseAsync(workspaceId, id, ct);

    public Task<CampaignResult> ResumeAsync(long workspaceId, long id, CancellationToken ct) => runner.ResumeAsync(workspaceId, id, ct);

    public Task<CampaignResult> CancelAsync(long workspaceId, long id, CancellationToken ct) => runner.CancelAsync(workspaceId, id, ct);

    public Task<CampaignResult> PickWinnerAsync(long workspaceId, long id, int variant, CancellationToken ct) => runner.PickWinnerAsync(workspaceId, id, variant, ct);

    /// <summary>Sends each variant (or the one named) to each chosen profile as a test: never tracked, never counted.</summary>
    public async Task<IReadOnlyList<TransactionalResult>?> TestSendAsync(long workspaceId, long id, IReadOnlyList<long> profileIds, int? variant, CancellationToken ct)
    {
        if (await store.FindAsync(workspaceId, id, ct) is not { } campaign)
        {
            return null;
        }

        var results = new List<TransactionalResult>();
        var variants = campaign.Definition.Variants.Select((v, i) => (v, i)).Where(p => variant is null || p.i == variant);
        foreach (var (v, _) in variants)
        {
            foreach (var profileId in profileIds.Distinct().Take(MaxTestProfiles))
            {
                results.Add(await messages.SendAsync(workspaceId, new TransactionalSend(
                    v.TemplateId, new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Version: v.TemplateVersion, Source: MessageSources.Test), ct));
            }
        }

        return results;
    }

    public async Task<CampaignReport?> ReportAsync(long workspaceId, long id, CancellationToken ct) =>
        await store.FindAsync(workspaceId, id, ct) is { } campaign ? await reports.BuildAsync(campaign, ct) : null;

    /// <summary>Targeted customers whose message was not made, with the reason (a template error for their data, no address).</summary>
    public Task<IReadOnlyList<SkippedRecipient>> SkippedAsync(long workspaceId, long id, int limit, CancellationToken ct) =>
        reports.SkippedAsync(workspaceId, id, limit, ct);
}
