namespace Kizuna.Campaigns;

/// <summary>
/// One version of the message: a template (pinned to <paramref name="TemplateVersion"/>, or its latest version when
/// the run starts) sent to <paramref name="Percent"/> of the targeted customers who are not in the control. The
/// percents of a campaign's variants add up to 100.
/// </summary>
public sealed record CampaignVariant(string Name, long TemplateId, int? TemplateVersion, int Percent);
