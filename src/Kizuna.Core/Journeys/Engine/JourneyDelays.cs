using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Workspaces;

namespace Kizuna.Journeys.Engine;

/// <summary>When a delay node ends for one customer: after a duration, at a time of day in their zone on allowed weekdays, or on a date trait ± days.</summary>
public static class JourneyDelays
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static DateTimeOffset Due(JourneyNode node, DateTimeOffset now, TimeZoneInfo? customerZone, JsonObject? traits)
    {
        if (node.Duration is { } duration)
        {
            return now + JourneyDurations.Parse(duration);
        }

        if (node.Until is { } until)
        {
            var zone = customerZone ?? UserTimeZones.Find(until.TimeZone) ?? TimeZoneInfo.Utc;
            var time = TimeOnly.ParseExact(until.Time, "HH:mm", CultureInfo.InvariantCulture);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            for (var i = 0; i <= 7; i++)
            {
                var day = today.AddDays(i);
                var at = Instant(day, time, zone);
                if (at > now && (until.Weekdays is not { Count: > 0 } allowed || allowed.Contains(Days[(int)day.DayOfWeek])))
                {
                    return at;
                }
            }

            return now;
        }

        return node.UntilTrait is { } trait ? TraitDue(trait, now, customerZone ?? TimeZoneInfo.Utc, traits) : now;
    }

    /// <summary>The customer's zone from <c>context.timezone</c> or the <c>timezone</c> trait, when it is a known zone.</summary>
    public static TimeZoneInfo? ZoneOf(JsonObject? context, JsonObject? traits) =>
        UserTimeZones.Find(Text(context, "timezone")) ?? UserTimeZones.Find(Text(traits, "timezone"));

    private static DateTimeOffset TraitDue(TraitDateDelay trait, DateTimeOffset now, TimeZoneInfo zone, JsonObject? traits)
    {
        if (Text(traits, trait.Trait) is not { Length: >= 10 } text
            || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return now;
        }

        var time = trait.Time is { } t ? TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture) : new TimeOnly(9, 0);
        if (!trait.Anniversary)
        {
            var at = Instant(date.AddDays(trait.OffsetDays), time, zone);
            return at > now ? at : now;
        }

        var year = TimeZoneInfo.ConvertTime(now, zone).Year;
        for (var y = year - 1; y <= year + 1; y++)
        {
            // 29 February falls on the 28th in the years without one.
            var day = new DateOnly(y, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(y, date.Month))).AddDays(trait.OffsetDays);
            var at = Instant(day, time, zone);
            if (at > now)
            {
                return at;
            }
        }

        return now;
    }

    private static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);   // a time the clocks skipped: the first one after it
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string? Text(JsonObject? root, string name) =>
        root is not null && root.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;
}
