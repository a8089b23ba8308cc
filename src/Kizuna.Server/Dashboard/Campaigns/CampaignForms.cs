using System.Globalization;
using Kizuna.Campaigns;

namespace Kizuna.Server.Dashboard.Campaigns;

/// <summary>A saved campaign back into the editor's form, with an <c>at</c> time shown in the dashboard user's zone.</summary>
public static class CampaignForms
{
    public static CampaignForm From(Campaign campaign, TimeZoneInfo zone)
    {
        var d = campaign.Definition;
        var s = d.Schedule;
        var form = new CampaignForm
        {
            Name = campaign.Name,
            Channel = d.Channel,
            ControlPercent = d.ControlPercent,
            Kind = s.Kind,
            At = s.At is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
            LocalDate = s.LocalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LocalTime = s.LocalTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "10:00",
            TimeZone = s.TimeZone,
            Cron = s.Cron,
            RateLimit = d.SendRatePerSecond,
            GoalEvents = string.Join(", ", d.Goal?.Events ?? []),
            FilterProperty = d.Goal?.Filter?.Property,
            FilterValue = d.Goal?.Filter?.Value,
            WindowHours = d.Goal?.Window.TotalHours ?? 72,
            Metric = d.Test?.Metric,
            TestPercent = d.Test?.TestPercent ?? 100,
            TestWindowHours = d.Test?.Window?.TotalHours,
        };
        form.Variants.Clear();
        form.Variants.AddRange(d.Variants.Select(v => new CampaignVariantForm { Name = v.Name, TemplateId = v.TemplateId, TemplateVersion = v.TemplateVersion, Percent = v.Percent }));
        foreach (var id in d.Audience.Include)
        {
            form.Segments[id] = true;
        }

        foreach (var id in d.Audience.Exclude)
        {
            form.Segments[id] = false;
        }

        return form;
    }
}
