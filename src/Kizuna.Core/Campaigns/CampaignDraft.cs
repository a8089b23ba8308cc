namespace Kizuna.Campaigns;

/// <summary>A campaign as the editor saves it, before it is checked.</summary>
public sealed record CampaignDraft(string? Name, CampaignDefinition Definition);
