namespace Kizuna.Server.Campaigns;

/// <summary>
/// When to send: <c>kind</c> <c>now</c>; <c>at</c> with <c>at</c> (ISO 8601 with an offset); <c>local_time</c> with
/// <c>localDate</c> (<c>2026-12-24</c>) and <c>localTime</c> (<c>10:00</c>) in each customer's zone, <c>timeZone</c>
/// for customers without one; <c>recurring</c> with <c>cron</c> (five fields, or <c>@daily</c>, <c>@weekly</c>) read in <c>timeZone</c>.
/// </summary>
public sealed record CampaignScheduleRequest(string? Kind, DateTimeOffset? At = null, string? LocalDate = null, string? LocalTime = null, string? TimeZone = null, string? Cron = null);
