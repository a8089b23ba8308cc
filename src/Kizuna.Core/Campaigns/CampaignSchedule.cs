namespace Kizuna.Campaigns;

/// <summary>
/// A campaign's timing. <paramref name="At"/> is the instant of an <c>at</c> send. A <c>local_time</c> send delivers
/// on <paramref name="LocalDate"/> at <paramref name="LocalTime"/> in each customer's zone (their
/// <c>context.timezone</c>, else their <c>timezone</c> trait); customers without one get <paramref name="TimeZone"/>,
/// the workspace's zone (UTC when not given). A <c>recurring</c> campaign runs at every occurrence of
/// <paramref name="Cron"/> (five fields, or <c>@daily</c>, <c>@weekly</c>) read in <paramref name="TimeZone"/>,
/// each occurrence a run with its own audience snapshot.
/// </summary>
public sealed record CampaignSchedule(
    ScheduleKind Kind,
    DateTimeOffset? At = null,
    DateOnly? LocalDate = null,
    TimeOnly? LocalTime = null,
    string? TimeZone = null,
    string? Cron = null);
