namespace Kizuna.Server.Campaigns;

/// <summary>A variant: a message template of the campaign's channel (pinned to a version, or its latest) and its share in percent.</summary>
public sealed record CampaignVariantRequest(string? Name, long? TemplateId, int? TemplateVersion, int? Percent);
