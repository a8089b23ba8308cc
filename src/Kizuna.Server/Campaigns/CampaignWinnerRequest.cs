namespace Kizuna.Server.Campaigns;

/// <summary>The winning variant's index, picked by hand.</summary>
public sealed record CampaignWinnerRequest(int? Variant);
