namespace Kizuna.Analytics;

/// <summary>
/// The days an overview covers, <see cref="From"/> to <see cref="To"/> inclusive, as UTC days (the days the
/// roll-ups are kept in).
/// </summary>
public sealed record OverviewPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest custom range: ten years of daily rows is still a small read.</summary>
    public const int MaxDays = 3660;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length that ends the day before this one begins, shown beside it for comparison.</summary>
    public OverviewPeriod Before() => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>Whether <paramref name="day"/> lies in the period.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The period of <paramref name="preset"/> that ends on <paramref name="end"/>.</summary>
    public static OverviewPeriod Ending(OverviewPreset preset, DateOnly end) => preset switch
    {
        OverviewPreset.Last7Days => new(end.AddDays(-6), end),
        OverviewPreset.Last90Days => new(end.AddDays(-89), end),
        OverviewPreset.Last12Months => new(end.AddMonths(-12).AddDays(1), end),
        OverviewPreset.MonthToDate => new(new DateOnly(end.Year, end.Month, 1), end),
        OverviewPreset.YearToDate => new(new DateOnly(end.Year, 1, 1), end),
        _ => new(end.AddDays(-29), end),
    };

    /// <summary>
    /// The end of the period an overview opens on: today when the workspace had events in the last 30 days, else
    /// the last day it had any (an imported 2011 history opens on December 2011, not on a month of zeros).
    /// </summary>
    public static DateOnly DefaultEnd(DateOnly today, DateOnly? latestActivity) =>
        latestActivity is { } latest && latest < today.AddDays(-29) ? latest : today;

    /// <summary>A custom range, checked: <paramref name="from"/> not after <paramref name="to"/>, at most <see cref="MaxDays"/>.</summary>
    public static OverviewPeriod? Custom(DateOnly from, DateOnly to) =>
        from <= to && to.DayNumber - from.DayNumber < MaxDays ? new(from, to) : null;
}
