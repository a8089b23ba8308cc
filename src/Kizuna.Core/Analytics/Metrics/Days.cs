namespace Kizuna.Analytics.Metrics;

/// <summary>UTC day numbers since 1970-01-01, the days roll-ups are kept in, and the calendar months they fall in.</summary>
internal static class Days
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static int Number(DateOnly day) => day.DayNumber - EpochDayNumber;

    public static DateOnly Of(long day) => DateOnly.FromDayNumber(EpochDayNumber + (int)day);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Whole months from <paramref name="from"/>'s month to <paramref name="to"/>'s.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
