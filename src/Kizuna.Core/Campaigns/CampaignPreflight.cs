using Kizuna.Campaigns.Storage;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Previews;
using Kizuna.Segments;
using Kizuna.Templates.Store;

namespace Kizuna.Campaigns;

/// <summary>
/// The checks before a campaign is stored or sent, each naming the field at fault: the definition's shape, that its
/// segments and templates exist on its channel, and at launch that it can send at all — a configured channel, a
/// schedule still ahead, someone in the audience, and every variant rendering for the first customers of it.
/// </summary>
public sealed class CampaignPreflight(
    SegmentStore segments, TemplateStore templates, AudienceReader audience, MessagePreviewer previewer, ChannelReadiness channels, TimeProvider time)
{
    /// <summary>How many customers of the audience each variant is rendered for before launch.</summary>
    public const int PreviewProfiles = 3;

    private const int SizePage = 10_000;

    public async Task<CampaignResult?> CheckDefinitionAsync(long workspaceId, CampaignDraft draft, CancellationToken ct)
    {
        var d = draft.Definition;
        if (CampaignValidator.Check(draft.Name, d) is { } problem)
        {
            return CampaignResult.Invalid(problem.Field, problem.Error);
        }

        foreach (var (ids, field) in new[] { (d.Audience.Include, "audience.include"), (d.Audience.Exclude, "audience.exclude") })
        {
            foreach (var segmentId in ids)
            {
                if (await segments.FindAsync(workspaceId, segmentId, ct) is not { Status: SegmentStatus.Active })
                {
                    return CampaignResult.Invalid(field, $"This workspace has no active segment {segmentId}.");
                }
            }
        }

        for (var i = 0; i < d.Variants.Count; i++)
        {
            var v = d.Variants[i];
            if (await templates.FindAsync(workspaceId, v.TemplateId, v.TemplateVersion, ct) is not { } stored || MessageTemplate.From(stored, d.Channel) is null)
            {
                return CampaignResult.Invalid($"variants[{i}].templateId", $"This workspace has no {Messaging.MessageChannels.Name(d.Channel)} template {v.TemplateId}{(v.TemplateVersion is { } n ? $" version {n}" : "")}.");
            }
        }

        return null;
    }

    public async Task<CampaignResult?> CheckSendableAsync(Campaign campaign, CancellationToken ct)
    {
        var d = campaign.Definition;
        if (await CheckDefinitionAsync(campaign.WorkspaceId, new CampaignDraft(campaign.Name, d), ct) is { } refused)
        {
            return refused;
        }

        if (channels.Problem(d.Channel) is { } channel)
        {
            return CampaignResult.Invalid("channel", channel);
        }

        if (CampaignTiming.LastDue(d.Schedule) is { } last && last < time.GetUtcNow())
        {
            return CampaignResult.Invalid(d.Schedule.Kind == ScheduleKind.LocalTime ? "schedule.localDate" : "schedule.at", "The schedule is in the past.");
        }

        var first = await audience.PageAsync(campaign.WorkspaceId, d.Audience, 0, PreviewProfiles, ct);
        if (first.Count == 0)
        {
            return CampaignResult.Invalid("audience", "The audience is empty: nobody is in the included segments outside the excluded ones.");
        }

        // In-app messages and content cards are rendered by the customer's app; their Liquid is checked when saved.
        for (var i = 0; i < d.Variants.Count && d.Channel is not (Messaging.MessageChannel.InApp or Messaging.MessageChannel.ContentCard); i++)
        {
            var stored = (await templates.FindAsync(campaign.WorkspaceId, d.Variants[i].TemplateId, d.Variants[i].TemplateVersion, ct))!;
            var content = MessageTemplate.From(stored, d.Channel)!.Content;
            foreach (var profileId in first)
            {
                var preview = await previewer.PreviewAsync(campaign.WorkspaceId, content, profileId, ct);
                var error = preview switch
                {
                    { Problems.Count: > 0 } p => p.Problems[0].Message,
                    { Errors.Count: > 0 } p => p.Errors[0].ToString(),
                    { Content: null, AbortReason: null } => "The template renders nothing.",
                    _ => null,
                };
                if (error is not null)
                {
                    return CampaignResult.Invalid($"variants[{i}].templateId", $"Variant '{d.Variants[i].Name}' fails for profile {profileId}: {error}");
                }
            }
        }

        return null;
    }

    /// <summary>The audience now, split the way the campaign would split it (campaign 0: a definition not saved yet).</summary>
    public async Task<AudienceSize> SizeAsync(long workspaceId, long campaignId, CampaignDefinition d, CancellationToken ct)
    {
        long total = 0, control = 0, held = 0;
        var perVariant = new long[d.Variants.Count];
        for (long after = 0; ;)
        {
            var page = await audience.PageAsync(workspaceId, d.Audience, after, SizePage, ct);
            foreach (var profileId in page)
            {
                total++;
                switch (CampaignSplit.Assign(campaignId, profileId, d))
                {
                    case CampaignSplit.Control: control++; break;
                    case CampaignSplit.Held: held++; break;
                    case var v: perVariant[v]++; break;
                }
            }

            if (page.Count < SizePage)
            {
                return new AudienceSize(total, control, perVariant, held);
            }

            after = page[^1];
        }
    }
}
