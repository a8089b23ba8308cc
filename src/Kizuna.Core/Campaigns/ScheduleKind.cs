namespace Kizuna.Campaigns;

/// <summary>
/// When a campaign sends: <c>now</c>; <c>at</c> one instant; <c>local_time</c>, a date and a time of day in each
/// customer's own time zone (10:00 wherever the customer is); <c>recurring</c>, every occurrence of a cron expression.
/// </summary>
public enum ScheduleKind
{
    Now,
    At,
    LocalTime,
    Recurring,
}
