namespace Kizuna.Campaigns;

/// <summary>Done; refused for bad input (400); refused for the campaign's state (409); no such campaign (404).</summary>
public enum CampaignResultStatus
{
    Done,
    Invalid,
    Conflict,
    NotFound,
}
