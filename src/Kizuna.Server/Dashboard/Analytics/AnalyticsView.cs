using System.Globalization;
using Kizuna.Analytics;
using Kizuna.Analytics.Metrics;
using Microsoft.AspNetCore.WebUtilities;

namespace Kizuna.Server.Dashboard.Analytics;

/// <summary>
/// What an analytics page shows: the workspace, the period (a preset or a custom range) and whose data (the
/// scope). Opens on the month up to the latest data, so an imported history reads at once, or on the period the
/// address carries (<c>?preset=Last90Days</c>, or <c>?preset=Custom&amp;from=2011-01-01&amp;to=2011-03-31</c>), so
/// moving between the analytics pages keeps the period.
/// </summary>
public sealed class AnalyticsView
{
    public long WorkspaceId { get; private init; }

    public OverviewPreset Preset { get; set; } = OverviewPreset.Last30Days;

    public OverviewPeriod Period { get; set; } = default!;

    /// <summary>The day the presets end on: today, or the latest day with data.</summary>
    public DateOnly End { get; set; }

    public DateOnly Today { get; private init; }

    public MetricsScope Scope { get; set; } = MetricsScope.Workspace;

    public MetricsQuery Query => new(WorkspaceId, Period, Scope);

    /// <summary>Whether the presets end before today because the data does.</summary>
    public bool EndsBeforeToday => End < Today;

    /// <summary>The period as an address's query, for links to the other analytics pages.</summary>
    public string QueryString => Preset == OverviewPreset.Custom
        ? FormattableString.Invariant($"?preset=Custom&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}")
        : $"?preset={Preset}";

    public static async Task<AnalyticsView> OpenAsync(long workspaceId, OverviewService overview, string uri, CancellationToken ct)
    {
        var period = await overview.DefaultPeriodAsync(workspaceId, ct);
        var view = new AnalyticsView { WorkspaceId = workspaceId, Period = period, End = period.To, Today = overview.Today };
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        if (query.TryGetValue("preset", out var text) && Enum.TryParse<OverviewPreset>(text, out var preset) && Enum.IsDefined(preset))
        {
            if (preset != OverviewPreset.Custom)
            {
                view.Change((preset, OverviewPeriod.Ending(preset, view.End)));
            }
            else if (Day(query, "from") is { } from && Day(query, "to") is { } to && OverviewPeriod.Custom(from, to) is { } custom)
            {
                view.Change((preset, custom));
            }
        }

        return view;
    }

    private static DateOnly? Day(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name) =>
        query.TryGetValue(name, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    public void Change((OverviewPreset Preset, OverviewPeriod Period) change) => (Preset, Period) = change;
}
