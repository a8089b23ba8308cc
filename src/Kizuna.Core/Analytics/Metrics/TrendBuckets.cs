namespace Kizuna.Analytics.Metrics;

/// <summary>How a period's series is cut: per day up to <see cref="MaxDailyDays"/> days, per calendar month beyond.</summary>
public static class TrendBuckets
{
    public const int MaxDailyDays = 92;

    public static bool IsDaily(OverviewPeriod period) => period.Days <= MaxDailyDays;

    /// <summary>The first day of the bucket <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOf(OverviewPeriod period, DateOnly day) => IsDaily(period) ? day : new DateOnly(day.Year, day.Month, 1);

    /// <summary>Every bucket of the period, in order (a month bucket starts on the 1st even when the period does not).</summary>
    public static IEnumerable<DateOnly> All(OverviewPeriod period)
    {
        for (var day = StartOf(period, period.From); day <= period.To; day = IsDaily(period) ? day.AddDays(1) : day.AddMonths(1))
        {
            yield return day;
        }
    }
}
