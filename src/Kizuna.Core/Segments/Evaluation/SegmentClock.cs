using Kizuna.Segments.Definitions;
using Kizuna.Storage;
using TimeZoneConverter;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// "Now" as both evaluators see it: today's UTC day, the millisecond bounds of days and windows, and for each known
/// time zone whose local date differs from UTC's, by how many days (for anniversaries in the customer's zone).
/// </summary>
public sealed class SegmentClock(DateTimeOffset now)
{
    private Dictionary<string, int>? _zoneOffsets;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Today's UTC day number (days since 1970-01-01).</summary>
    public int Today { get; } = Epoch.Day(Epoch.ToMs(now));

    public static int DayOf(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static DateOnly DateOf(int day) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + day);

    public static long Ms(int day) => Epoch.DayStart(day);

    /// <summary>The first and last UTC day of a window (null: no end), or the whole of time without one.</summary>
    public (int From, int? To) Days(Window? window) => window switch
    {
        { Days: { } days } => (Today - days + 1, null),
        { From: { } from, To: { } to } => (DayOf(from), DayOf(to)),
        _ => (int.MinValue / 2, null),
    };

    /// <summary>The window as epoch milliseconds, from inclusive, to exclusive.</summary>
    public (long From, long To) Millis(Window? window)
    {
        var (from, to) = Days(window);
        return (window is null ? long.MinValue : Ms(from), to is { } last ? Ms(last + 1) : long.MaxValue);
    }

    /// <summary>Known zones (IANA names, as a profile states them) whose date today is not UTC's: the name and −1 or +1.</summary>
    public IReadOnlyDictionary<string, int> ZoneOffsets => _zoneOffsets ??= BuildOffsets();

    /// <summary>How many days the profile's local date is from UTC's: 0 for UTC-dated, unknown or missing zones.</summary>
    public int OffsetOf(string? zone) => zone is not null && ZoneOffsets.TryGetValue(zone, out var offset) ? offset : 0;

    private Dictionary<string, int> BuildOffsets()
    {
        var utc = DateOnly.FromDateTime(Now.UtcDateTime);
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in TZConvert.KnownIanaTimeZoneNames)
        {
            if (TZConvert.TryGetTimeZoneInfo(name, out var zone))
            {
                var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
                if (local != utc)
                {
                    offsets[name] = local.DayNumber - utc.DayNumber;
                }
            }
        }

        return offsets;
    }

    /// <summary>
    /// The month-days (<c>MM-dd</c>) of the next <paramref name="days"/> days from the local date <paramref name="offset"/>
    /// days from UTC's, today included. A 29 February birthday is kept on 28 February in years without one.
    /// </summary>
    public IReadOnlyList<string> AnniversaryDays(int offset, int days)
    {
        var start = DateOf(Today + offset);
        var result = new List<string>();
        for (var i = 0; i <= days && result.Count < 366; i++)
        {
            var day = start.AddDays(i);
            result.Add(day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (day is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(day.Year))
            {
                result.Add("02-29");
            }
        }

        return result.Distinct().ToList();
    }
}
