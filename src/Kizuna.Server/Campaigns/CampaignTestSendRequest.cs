namespace Kizuna.Server.Campaigns;

/// <summary>Profiles (up to 20) to send each variant to as a test, or only <c>variant</c> (its index).</summary>
public sealed record CampaignTestSendRequest(IReadOnlyList<long>? ProfileIds, int? Variant = null);
