namespace Kizuna.Analytics;

/// <summary>The ready-made periods of the overview's period picker.</summary>
public enum OverviewPreset
{
    Last7Days,
    Last30Days,
    Last90Days,
    Last12Months,
    Custom,

    /// <summary>From the first of the end's month to the end.</summary>
    MonthToDate,

    /// <summary>From January 1st of the end's year to the end.</summary>
    YearToDate,

    /// <summary>From the workspace's first order to the end (resolved by the metrics service, which knows the first order).</summary>
    AllTime,
}
