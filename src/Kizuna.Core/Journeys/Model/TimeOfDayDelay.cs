namespace Kizuna.Journeys.Model;

/// <summary>Until the next <see cref="Time"/> (<c>HH:mm</c>) in the customer's time zone (else <see cref="TimeZone"/>, else UTC) on one of <see cref="Weekdays"/> (<c>mon</c>…<c>sun</c>; all when empty).</summary>
public sealed record TimeOfDayDelay(string Time, IReadOnlyList<string>? Weekdays = null, string? TimeZone = null);
