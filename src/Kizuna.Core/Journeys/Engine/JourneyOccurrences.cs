using Kizuna.Campaigns;
using Kizuna.Journeys.Model;
using Kizuna.Storage;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// The occurrences of an audience entry's schedule, read by the campaigns' own timing (<see cref="CampaignTiming"/>:
/// Cronos in the schedule's zone, daylight-saving changes included), so a journey and a campaign on the same cron
/// expression run at the same instants.
/// </summary>
public static class JourneyOccurrences
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none (a one-off that passed).</summary>
    public static DateTimeOffset? Next(AudienceSchedule schedule, DateTimeOffset after) =>
        schedule.At is { } at ? (at > after ? at : null) : CampaignTiming.NextRun(AsCampaign(schedule), after, 1);

    /// <summary>Whether <paramref name="ms"/> (Unix ms) is an occurrence of the schedule (a queued occurrence of an edited schedule may no longer be).</summary>
    public static bool IsOccurrence(AudienceSchedule schedule, long ms) =>
        schedule.At is { } once ? Epoch.ToMs(once) == ms : Next(schedule, Epoch.FromMs(ms - 1)) is { } next && Epoch.ToMs(next) == ms;

    /// <summary>The occurrence a journey going live at <paramref name="now"/> waits for: a one-off whose time passed runs at once when launched.</summary>
    public static DateTimeOffset? First(AudienceSchedule schedule, DateTimeOffset now, bool launching) =>
        schedule.At is { } at && at <= now ? (launching ? at : null) : Next(schedule, now);

    /// <summary>Whether the cron expression can be read (five fields, or <c>@daily</c>, <c>@weekly</c>, <c>@monthly</c>).</summary>
    public static bool IsCron(string? cron) => CampaignValidator.Cron(cron) is not null;

    private static CampaignSchedule AsCampaign(AudienceSchedule schedule) =>
        new(ScheduleKind.Recurring, TimeZone: schedule.TimeZone, Cron: schedule.Cron);
}
