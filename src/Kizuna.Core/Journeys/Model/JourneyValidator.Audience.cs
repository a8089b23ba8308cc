using System.Globalization;
using Kizuna.Journeys.Engine;

namespace Kizuna.Journeys.Model;

public static partial class JourneyValidator
{
    /// <summary>An audience entry: at least one active segment to include, active segments to exclude, and a schedule that can be read.</summary>
    private static void ValidateAudience(JourneyEntryRule entry, JourneyReferences references, List<JourneyError> errors)
    {
        if (entry.Segments is not { Count: > 0 } include)
        {
            errors.Add(new("entry.segments", null, "An audience entry names at least one segment whose members enter."));
        }
        else
        {
            Segments(include, "entry.segments", references, errors);
        }

        Segments(entry.ExcludeSegments ?? [], "entry.excludeSegments", references, errors);
        if (entry.Schedule is not { } schedule)
        {
            errors.Add(new("entry.schedule", null, "An audience entry needs a schedule: schedule.at (once) or schedule.cron (recurring)."));
            return;
        }

        if ((schedule.At is null) == string.IsNullOrWhiteSpace(schedule.Cron))
        {
            errors.Add(new("entry.schedule", null, "A schedule names exactly one of at (once) and cron (recurring)."));
        }
        else if (schedule.Cron is { } cron && !JourneyOccurrences.IsCron(cron))
        {
            errors.Add(new("entry.schedule.cron", null, $"'{cron}' is not a cron expression; write five fields (minute hour day month weekday, '0 9 * * 1') or @daily, @weekly, @monthly."));
        }

        if (schedule.TimeZone is { } zone && Kizuna.Workspaces.UserTimeZones.Find(zone) is null)
        {
            errors.Add(new("entry.schedule.timeZone", null, $"'{zone}' is not a time zone."));
        }
    }

    private static void Segments(IReadOnlyList<long> ids, string field, JourneyReferences references, List<JourneyError> errors)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (references.Segments(ids[i]) is null)
            {
                errors.Add(new($"{field}[{i}]", null, $"Segment {ids[i].ToString(CultureInfo.InvariantCulture)} is not an active segment of this workspace."));
            }
        }
    }
}
