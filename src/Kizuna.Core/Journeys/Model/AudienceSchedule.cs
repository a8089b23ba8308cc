namespace Kizuna.Journeys.Model;

/// <summary>
/// When an <c>audience</c> entry lets its segments' members in: once <see cref="At"/> an instant, or at every
/// occurrence of <see cref="Cron"/> (five fields, or <c>@daily</c>, <c>@weekly</c>, <c>@monthly</c>) read in
/// <see cref="TimeZone"/> (UTC when null). Exactly one of <see cref="At"/> and <see cref="Cron"/>.
/// </summary>
public sealed record AudienceSchedule(DateTimeOffset? At = null, string? Cron = null, string? TimeZone = null);
