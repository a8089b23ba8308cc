using Kizuna.Messaging;

namespace Kizuna.Campaigns;

/// <summary>
/// Everything a campaign sends and to whom, stored as one JSON document. <paramref name="ControlPercent"/> of the
/// audience (stable per customer and campaign) gets nothing, to measure uplift; <paramref name="SendRatePerSecond"/>
/// caps how fast the campaign queues its messages; marketing sends go under <paramref name="SubscriptionGroupId"/>
/// when given.
/// </summary>
public sealed record CampaignDefinition(
    MessageChannel Channel,
    IReadOnlyList<CampaignVariant> Variants,
    CampaignAudience Audience,
    CampaignSchedule Schedule,
    int ControlPercent = 0,
    int? SendRatePerSecond = null,
    ConversionGoal? Goal = null,
    AbTest? Test = null,
    long? SubscriptionGroupId = null);
