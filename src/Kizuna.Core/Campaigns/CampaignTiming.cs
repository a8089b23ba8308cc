using Kizuna.Workspaces;

namespace Kizuna.Campaigns;

/// <summary>
/// When runs start and when each customer's message is due. A local-time send starts its run (the audience snapshot)
/// when the earliest zone on Earth (UTC+14) reaches the time, and each customer's message is due at the time in their
/// own zone; one whose time has already passed when the run starts (a launch after it) is due at once.
/// </summary>
public static class CampaignTiming
{
    private static readonly TimeSpan Earliest = TimeSpan.FromHours(14);
    private static readonly TimeSpan Latest = TimeSpan.FromHours(-12);

    /// <summary>The workspace zone a schedule falls back to for customers without one.</summary>
    public static TimeZoneInfo Zone(CampaignSchedule schedule) => UserTimeZones.Find(schedule.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>When the next run starts after <paramref name="now"/> (the first for a one-off send); null when a recurring schedule has no further occurrence.</summary>
    public static DateTimeOffset? NextRun(CampaignSchedule schedule, DateTimeOffset now, int runsSoFar) => schedule.Kind switch
    {
        ScheduleKind.Now => runsSoFar == 0 ? now : null,
        ScheduleKind.At => runsSoFar == 0 ? schedule.At : null,
        ScheduleKind.LocalTime => runsSoFar == 0 ? Local(schedule, Earliest) : null,
        _ => CampaignValidator.Cron(schedule.Cron)?.GetNextOccurrence(now, Zone(schedule)),
    };

    /// <summary>The last moment any customer can still get the message on time; a schedule past it is refused.</summary>
    public static DateTimeOffset? LastDue(CampaignSchedule schedule) => schedule.Kind switch
    {
        ScheduleKind.At => schedule.At,
        ScheduleKind.LocalTime => Local(schedule, Latest),
        _ => null,
    };

    /// <summary>When a customer's message of a run that started at <paramref name="runStart"/> is due.</summary>
    public static DateTimeOffset DueAt(CampaignSchedule schedule, DateTimeOffset runStart, TimeZoneInfo? customerZone, DateTimeOffset now)
    {
        if (schedule.Kind != ScheduleKind.LocalTime)
        {
            return runStart;
        }

        var zone = customerZone ?? Zone(schedule);
        var local = schedule.LocalDate!.Value.ToDateTime(schedule.LocalTime!.Value, DateTimeKind.Unspecified);

        // A time skipped by a daylight-saving jump is read as the same wall time an hour later, the clock's next reading.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var due = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return due < now ? now : due;
    }

    private static DateTimeOffset Local(CampaignSchedule schedule, TimeSpan offset) =>
        new(schedule.LocalDate!.Value.ToDateTime(schedule.LocalTime!.Value, DateTimeKind.Unspecified), offset);
}
