using Kizuna.Campaigns;
using Kizuna.Messaging;

namespace Kizuna.Server.Campaigns;

/// <summary>A campaign: its definition as saved, its state, the winner once picked, and its runs.</summary>
public sealed record CampaignResponse(
    long Id,
    string Name,
    string State,
    string Channel,
    IReadOnlyList<CampaignVariantRequest> Variants,
    CampaignAudienceRequest Audience,
    CampaignScheduleRequest Schedule,
    int ControlPercent,
    int? SendRatePerSecond,
    ConversionGoalRequest? Goal,
    AbTestRequest? Test,
    long? SubscriptionGroupId,
    string? Winner,
    DateTimeOffset? NextRunAt,
    int Runs,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static CampaignResponse From(Campaign c)
    {
        var d = c.Definition;
        var s = d.Schedule;
        return new(
            c.Id, c.Name, CampaignStates.Name(c.State), MessageChannels.Name(d.Channel),
            [.. d.Variants.Select(v => new CampaignVariantRequest(v.Name, v.TemplateId, v.TemplateVersion, v.Percent))],
            new CampaignAudienceRequest(d.Audience.Include, d.Audience.Exclude),
            new CampaignScheduleRequest(CampaignInputs.Name(s.Kind), s.At, s.LocalDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                s.LocalTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.TimeZone, s.Cron),
            d.ControlPercent, d.SendRatePerSecond,
            d.Goal is { } g ? new ConversionGoalRequest(g.Events, g.Filter?.Property, g.Filter?.Value, g.Window.TotalHours) : null,
            d.Test is { } t ? new AbTestRequest(CampaignInputs.Name(t.Metric), t.TestPercent, t.Window?.TotalHours) : null,
            d.SubscriptionGroupId, c.Winner is { } w && w < d.Variants.Count ? d.Variants[w].Name : null,
            c.NextRunAt, c.Runs, c.CreatedBy, c.CreatedAt, c.UpdatedAt, c.StartedAt, c.FinishedAt);
    }
}
