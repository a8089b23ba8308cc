namespace Kizuna.Campaigns;

/// <summary>Who a campaign targets: members of any segment in <paramref name="Include"/> and of none in <paramref name="Exclude"/>.</summary>
public sealed record CampaignAudience(IReadOnlyList<long> Include, IReadOnlyList<long> Exclude);
