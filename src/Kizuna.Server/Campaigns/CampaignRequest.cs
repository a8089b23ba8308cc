namespace Kizuna.Server.Campaigns;

/// <summary>
/// A campaign as the editor saves it (<c>POST /api/campaigns</c>, <c>PUT /api/campaigns/{id}</c>) and as the audience
/// size preview reads it. <c>channel</c> is <c>email</c>, <c>sms</c>, <c>push</c>, <c>in_app</c>, <c>content_card</c>
/// or <c>webhook</c>; <c>controlPercent</c> of the audience gets nothing, to measure uplift.
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    string? Channel,
    IReadOnlyList<CampaignVariantRequest>? Variants,
    CampaignAudienceRequest? Audience,
    CampaignScheduleRequest? Schedule,
    int? ControlPercent = null,
    int? SendRatePerSecond = null,
    ConversionGoalRequest? Goal = null,
    AbTestRequest? Test = null,
    long? SubscriptionGroupId = null);
