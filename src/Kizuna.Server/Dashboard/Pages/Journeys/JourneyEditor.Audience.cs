using System.Globalization;
using Kizuna.Journeys.Model;
using Kizuna.Workspaces;

namespace Kizuna.Server.Dashboard.Pages.Journeys;

/// <summary>The editor's audience entry: the segment to include and one to exclude, and the schedule (once at a local time in a zone, or a cron expression).</summary>
public sealed partial class JourneyEditor
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    private void LoadAudience(JourneyEntryRule entry)
    {
        _audienceInclude = entry.Segments is { Count: > 0 } include ? include[0] : null;
        _audienceExclude = entry.ExcludeSegments is { Count: > 0 } exclude ? exclude[0] : null;
        _scheduleZone = entry.Schedule?.TimeZone;
        _scheduleCron = entry.Schedule?.Cron;
        _scheduleMode = entry.Schedule?.Cron is not null ? "recurring" : "once";
        _scheduleAt = entry.Schedule?.At is { } at
            ? TimeZoneInfo.ConvertTime(at, UserTimeZones.Find(_scheduleZone) ?? TimeZoneInfo.Utc).ToString(LocalFormat, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The segment chosen first, then the loaded entry's others (the page shows one of each).</summary>
    private static List<long>? Ids(long? chosen, IReadOnlyList<long>? loaded)
    {
        var ids = chosen is { } id ? [id, .. (loaded ?? []).Skip(1).Where(x => x != id)] : new List<long>();
        return ids.Count > 0 ? ids : null;
    }

    /// <summary>The schedule as typed: a local time read in the zone (UTC without one), or the cron expression; what cannot be read is left out for validation to name.</summary>
    private AudienceSchedule Schedule()
    {
        var zoneName = Blank(_scheduleZone);
        if (_scheduleMode == "recurring")
        {
            return new AudienceSchedule(Cron: Blank(_scheduleCron), TimeZone: zoneName);
        }

        DateTimeOffset? at = null;
        if (DateTime.TryParseExact(Blank(_scheduleAt), LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var zone = UserTimeZones.Find(zoneName) ?? TimeZoneInfo.Utc;
            at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return new AudienceSchedule(At: at, TimeZone: zoneName);
    }
}
