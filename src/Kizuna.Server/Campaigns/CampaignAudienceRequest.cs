namespace Kizuna.Server.Campaigns;

/// <summary>Segment ids: members of any included segment and of no excluded one.</summary>
public sealed record CampaignAudienceRequest(IReadOnlyList<long>? Include, IReadOnlyList<long>? Exclude);
