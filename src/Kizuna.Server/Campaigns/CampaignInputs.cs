using System.Globalization;
using System.Text.Json;
using Kizuna.Campaigns;
using Kizuna.Messaging;

namespace Kizuna.Server.Campaigns;

/// <summary>Reads a <see cref="CampaignRequest"/> into a draft, naming the field of the first value that cannot be read.</summary>
public static class CampaignInputs
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static (CampaignDraft? Draft, string? Field, string? Error) Read(CampaignRequest r)
    {
        if (!MessageChannels.TryParse(r.Channel, out var channel))
        {
            return (null, "channel", $"channel is one of {string.Join(", ", MessageChannels.Names)}.");
        }

        var variants = new List<CampaignVariant>();
        for (var i = 0; i < (r.Variants?.Count ?? 0); i++)
        {
            var v = r.Variants![i];
            if (v.TemplateId is not { } templateId)
            {
                return (null, $"variants[{i}].templateId", "Each variant names its template.");
            }

            variants.Add(new CampaignVariant(v.Name?.Trim() ?? "", templateId, v.TemplateVersion, v.Percent ?? (r.Variants.Count == 1 ? 100 : -1)));
        }

        var s = r.Schedule ?? new CampaignScheduleRequest("now");
        if (!TryEnum<ScheduleKind>(s.Kind, out var kind))
        {
            return (null, "schedule.kind", "schedule.kind is now, at, local_time or recurring.");
        }

        DateOnly? date = null;
        if (s.LocalDate is not null)
        {
            if (!DateOnly.TryParseExact(s.LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, "schedule.localDate", "schedule.localDate is a date such as 2026-12-24.");
            }

            date = day;
        }

        TimeOnly? time = null;
        if (s.LocalTime is not null)
        {
            if (!TimeOnly.TryParseExact(s.LocalTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                return (null, "schedule.localTime", "schedule.localTime is a time of day such as 10:00.");
            }

            time = clock;
        }

        ConversionGoal? goal = null;
        if (r.Goal is { } g)
        {
            if (g.WindowHours is < 0 or > 24 * 365 || g.WindowHours is double.NaN)
            {
                return (null, "goal.windowHours", "goal.windowHours is 1 to 2160.");
            }

            goal = new ConversionGoal(g.Events ?? [], g.FilterProperty is { } p ? new ConversionFilter(p.Trim(), g.FilterValue ?? "") : null, TimeSpan.FromHours(g.WindowHours ?? 72));
        }

        AbTest? test = null;
        if (r.Test is { } t)
        {
            if (!TryEnum<WinnerMetric>(t.Metric, out var metric))
            {
                return (null, "test.metric", "test.metric is open_rate, click_rate or conversion_rate.");
            }

            if (t.WindowHours is < 0 or > 24 * 365 || t.WindowHours is double.NaN)
            {
                return (null, "test.windowHours", "test.windowHours is 1 to 720.");
            }

            test = new AbTest(metric, t.TestPercent ?? 100, t.WindowHours is { } h ? TimeSpan.FromHours(h) : null);
        }

        var definition = new CampaignDefinition(
            channel, variants, new CampaignAudience(r.Audience?.Include ?? [], r.Audience?.Exclude ?? []),
            new CampaignSchedule(kind, s.At, date, time, s.TimeZone, s.Cron), r.ControlPercent ?? 0, r.SendRatePerSecond, goal, test, r.SubscriptionGroupId);
        return (new CampaignDraft(r.Name, definition), null, null);
    }

    private static bool TryEnum<T>(string? text, out T value) where T : struct, Enum =>
        EnumNames.TryParse((text ?? "").Replace("_", "", StringComparison.Ordinal), out value);
}
