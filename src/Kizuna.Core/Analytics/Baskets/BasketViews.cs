using Kizuna.Analytics.Metrics;

namespace Kizuna.Analytics.Baskets;

/// <summary>
/// The basket views the scores refresh stores (<see cref="BasketRefresher"/>): the whole workspace over the
/// dashboard's default period (30 days) and the shorter preset (7 days), each with the page's default settings
/// (minimum support 0.02) and the API's (0.01), lift ≥ 1. 90 days and 12 months would read three and twelve times
/// the lines of 30 days at every refresh, and a country, a custom range or other settings could be anything: those
/// are mined when asked.
/// </summary>
public static class BasketViews
{
    public static readonly IReadOnlyList<OverviewPreset> Presets = [OverviewPreset.Last7Days, OverviewPreset.Last30Days];

    public static readonly IReadOnlyList<BasketSettings> Settings = [new BasketSettings(MinSupport: 0.01), new BasketSettings(MinSupport: 0.02)];

    /// <summary>Whether a request for this scope and these settings is one of the stored views (its period decides the rest).</summary>
    public static bool IsStored(MetricsScope scope, BasketSettings settings) => scope.IsWorkspace && Settings.Contains(settings);

    /// <summary>The stored views' periods when the presets end on <paramref name="end"/>.</summary>
    public static IReadOnlyList<OverviewPeriod> Periods(DateOnly end) => [.. Presets.Select(p => OverviewPeriod.Ending(p, end))];

    /// <summary>The key a view is stored under: its days and every setting, written invariantly.</summary>
    public static string Key(OverviewPeriod period, BasketSettings settings) => FormattableString.Invariant(
        $"{period.From:yyyy-MM-dd}/{period.To:yyyy-MM-dd} support {settings.MinSupport:R} confidence {settings.MinConfidence:R} lift {settings.MinLift:R} items {settings.MaxItems} rules {settings.MaxRules}");
}
