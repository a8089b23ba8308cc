using Cronos;
using Kizuna.Campaigns.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Campaigns;

/// <summary>
/// The shape of a campaign, checked before anything is stored; each problem names its field as the API spells it
/// (<c>variants[1].percent</c>). What depends on data (segments, templates, the audience) is checked by
/// <see cref="CampaignService"/>.
/// </summary>
public static class CampaignValidator
{
    public static (string Field, string Error)? Check(string? name, CampaignDefinition d)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > CampaignStore.MaxNameLength)
        {
            return ("name", $"A campaign's name is 1 to {CampaignStore.MaxNameLength} characters.");
        }

        if (d.Variants.Count is 0 or > CampaignLimits.MaxVariants)
        {
            return ("variants", $"A campaign has 1 to {CampaignLimits.MaxVariants} variants.");
        }

        for (var i = 0; i < d.Variants.Count; i++)
        {
            var v = d.Variants[i];
            if (string.IsNullOrWhiteSpace(v.Name) || v.Name.Length > 60 || d.Variants.Take(i).Any(o => o.Name == v.Name))
            {
                return ($"variants[{i}].name", "Each variant has its own name of 1 to 60 characters.");
            }

            if (v.Percent is < 0 or > 100)
            {
                return ($"variants[{i}].percent", "A variant's percent is 0 to 100.");
            }
        }

        if (d.Variants.Sum(v => v.Percent) != 100)
        {
            return ("variants", "The variants' percents add up to 100.");
        }

        if (d.ControlPercent is < 0 or > CampaignLimits.MaxControlPercent)
        {
            return ("controlPercent", $"The control is 0 to {CampaignLimits.MaxControlPercent} percent of the audience.");
        }

        if (d.SendRatePerSecond is < 1 or > CampaignLimits.MaxSendRate)
        {
            return ("sendRatePerSecond", $"The send rate is 1 to {CampaignLimits.MaxSendRate} messages a second.");
        }

        if (d.Audience.Include.Count is 0 or > CampaignLimits.MaxSegments || d.Audience.Exclude.Count > CampaignLimits.MaxSegments)
        {
            return ("audience.include", $"Include 1 to {CampaignLimits.MaxSegments} segments (and exclude at most as many).");
        }

        return CheckSchedule(d.Schedule) ?? CheckGoal(d.Goal) ?? CheckTest(d.Test, d.Variants.Count);
    }

    /// <summary>The cron expression read, or null when it is not one (five fields or a macro such as <c>@daily</c>).</summary>
    public static CronExpression? Cron(string? text)
    {
        try
        {
            return text is null ? null : CronExpression.Parse(text.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private static (string, string)? CheckSchedule(CampaignSchedule s)
    {
        if (s.TimeZone is not null && UserTimeZones.Find(s.TimeZone) is null)
        {
            return ("schedule.timeZone", $"'{s.TimeZone}' is not a known time zone.");
        }

        return s.Kind switch
        {
            ScheduleKind.At when s.At is null => ("schedule.at", "A scheduled send needs the time: schedule.at."),
            ScheduleKind.LocalTime when s.LocalDate is null => ("schedule.localDate", "A local-time send needs the date: schedule.localDate."),
            ScheduleKind.LocalTime when s.LocalTime is null => ("schedule.localTime", "A local-time send needs the time of day: schedule.localTime."),
            ScheduleKind.Recurring when Cron(s.Cron) is null => ("schedule.cron", "A recurring send needs a cron expression of five fields, or @daily, @weekly, @monthly."),
            _ => null,
        };
    }

    private static (string, string)? CheckGoal(ConversionGoal? goal)
    {
        if (goal is null)
        {
            return null;
        }

        if (goal.Events.Count is 0 or > CampaignLimits.MaxConversionEvents || goal.Events.Any(string.IsNullOrWhiteSpace))
        {
            return ("goal.events", $"Name 1 to {CampaignLimits.MaxConversionEvents} conversion events.");
        }

        if (goal.Window < CampaignLimits.MinWindow || goal.Window > CampaignLimits.MaxGoalWindow)
        {
            return ("goal.windowHours", "The conversion window is 1 hour to 90 days.");
        }

        return goal.Filter is { } f && string.IsNullOrWhiteSpace(f.Property) ? ("goal.filter.property", "A filter names a property.") : null;
    }

    private static (string, string)? CheckTest(AbTest? test, int variants) => test switch
    {
        null => null,
        _ when variants < 2 => ("test", "An A/B test needs at least two variants."),
        { TestPercent: < 1 or > 100 } => ("test.testPercent", "The test audience is 1 to 100 percent."),
        { Window: { } w } when w < CampaignLimits.MinWindow || w > CampaignLimits.MaxTestWindow => ("test.windowHours", "The test window is 1 hour to 30 days."),
        _ => null,
    };
}
