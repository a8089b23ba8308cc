using System.Globalization;

namespace Kizuna.Server.Dashboard.Analytics;

/// <summary>The analytics pages' numbers in the reader's culture: shares, ratios, changes.</summary>
public static class AnalyticsFormat
{
    /// <summary>A share from 0 to 1 as a percentage with one decimal.</summary>
    public static string Percent(double share) => share.ToString("P1", CultureInfo.CurrentCulture);

    /// <summary>A ratio or average with two decimals.</summary>
    public static string Ratio(double value) => value.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A score such as NPS: whole, with its sign.</summary>
    public static string Signed(double value) =>
        Math.Round(value).ToString("+#,0;−#,0;0", CultureInfo.CurrentCulture);

    /// <summary>
    /// The relative change from <paramref name="previous"/> to <paramref name="current"/>, or null when there was
    /// nothing before to compare with.
    /// </summary>
    public static double? Change(double current, double previous) =>
        previous == 0 ? null : (current - previous) / Math.Abs(previous);

    /// <summary>A relative change as a signed percentage.</summary>
    public static string ChangeText(double change) =>
        change.ToString("+0.0%;−0.0%;0.0%", CultureInfo.CurrentCulture);
}
