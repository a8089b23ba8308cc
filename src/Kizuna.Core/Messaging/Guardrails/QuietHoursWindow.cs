namespace Kizuna.Messaging.Guardrails;

/// <summary>Quiet hours in one time zone: whether an instant falls inside, and the instant they end.</summary>
public static class QuietHoursWindow
{
    /// <summary>
    /// When the quiet hours around <paramref name="now"/> end in <paramref name="zone"/>, or null when
    /// <paramref name="now"/> is outside them. An end that falls in a daylight-saving gap moves to the first minute
    /// after it; one that happens twice (clocks going back) is its first occurrence.
    /// </summary>
    public static DateTimeOffset? EndOf(TimeOnly start, TimeOnly end, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var inside = start < end ? time >= start && time < end : time >= start || time < end;
        if (!inside)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local);
        if (time >= end)
        {
            day = day.AddDays(1);   // before midnight in a window that spans it: it ends tomorrow
        }

        return Instant(DateTime.SpecifyKind(day.ToDateTime(end), DateTimeKind.Unspecified), zone);
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
