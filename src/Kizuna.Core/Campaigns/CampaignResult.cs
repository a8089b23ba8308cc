namespace Kizuna.Campaigns;

/// <summary>The outcome of a change: the campaign, or the field and reason it was refused (<see cref="Status"/> tells why).</summary>
public sealed record CampaignResult(CampaignResultStatus Status, Campaign? Campaign = null, string? Field = null, string? Error = null)
{
    public static CampaignResult Done(Campaign campaign) => new(CampaignResultStatus.Done, campaign);

    public static CampaignResult Invalid(string field, string error) => new(CampaignResultStatus.Invalid, null, field, error);

    public static CampaignResult Conflict(Campaign campaign, string error) => new(CampaignResultStatus.Conflict, campaign, "state", error);

    public static CampaignResult NotFound { get; } = new(CampaignResultStatus.NotFound);
}
