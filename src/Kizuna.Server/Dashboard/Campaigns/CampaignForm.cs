using System.Globalization;
using Kizuna.Campaigns;
using Kizuna.Messaging;

namespace Kizuna.Server.Dashboard.Campaigns;

/// <summary>
/// A campaign as the editor holds it while it is being changed: text where the person types, read into a
/// <see cref="CampaignDraft"/> on save, naming the field of the first value that cannot be read. Times of an
/// <c>at</c> send are typed in the dashboard user's zone.
/// </summary>
public sealed class CampaignForm
{
    public string Name { get; set; } = "";

    public MessageChannel Channel { get; set; } = MessageChannel.Email;

    public List<CampaignVariantForm> Variants { get; } = [new()];

    public Dictionary<long, bool> Segments { get; } = [];

    public int ControlPercent { get; set; }

    public ScheduleKind Kind { get; set; } = ScheduleKind.Now;

    public string? At { get; set; }

    public string? LocalDate { get; set; }

    public string LocalTime { get; set; } = "10:00";

    public string? TimeZone { get; set; }

    public string? Cron { get; set; }

    public int? RateLimit { get; set; }

    public string GoalEvents { get; set; } = "";

    public string? FilterProperty { get; set; }

    public string? FilterValue { get; set; }

    public double WindowHours { get; set; } = 72;

    public WinnerMetric? Metric { get; set; }

    public int TestPercent { get; set; } = 100;

    public double? TestWindowHours { get; set; }

    public CampaignAudience Audience => new([.. Segments.Where(s => s.Value).Select(s => s.Key)], [.. Segments.Where(s => !s.Value).Select(s => s.Key)]);

    public (CampaignDraft? Draft, string? Field, string? Error) Read(TimeZoneInfo zone)
    {
        DateTimeOffset? at = null;
        if (Kind == ScheduleKind.At)
        {
            if (!DateTime.TryParseExact(At, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return (null, "schedule.at", "Choose the date and time to send at.");
            }

            at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        DateOnly? date = null;
        TimeOnly? time = null;
        if (Kind == ScheduleKind.LocalTime)
        {
            if (!DateOnly.TryParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, "schedule.localDate", "Choose the date to send on.");
            }

            if (!TimeOnly.TryParseExact(LocalTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                return (null, "schedule.localTime", "The time of day is written like 10:00.");
            }

            (date, time) = (day, clock);
        }

        var events = GoalEvents.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var goal = events.Length == 0 ? null : new ConversionGoal(
            events, string.IsNullOrWhiteSpace(FilterProperty) ? null : new ConversionFilter(FilterProperty.Trim(), FilterValue ?? ""), TimeSpan.FromHours(WindowHours));
        var test = Metric is { } metric ? new AbTest(metric, TestPercent, TestWindowHours is { } h ? TimeSpan.FromHours(h) : null) : null;
        var schedule = new CampaignSchedule(Kind, at, date, time, Blank(TimeZone), Kind == ScheduleKind.Recurring ? Blank(Cron) : null);
        var variants = Variants.Select(v => new CampaignVariant(v.Name.Trim(), v.TemplateId, v.TemplateVersion, v.Percent)).ToList();
        var definition = new CampaignDefinition(Channel, variants, Audience, schedule, ControlPercent, RateLimit, goal, test);
        return (new CampaignDraft(Name, definition), null, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
