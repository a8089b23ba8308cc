namespace Kizuna.Analytics;

/// <summary>The ready-made periods of the overview's period picker.</summary>
public enum OverviewPreset
{
    Last7Days,
    Last30Days,
    Last90Days,
    Last12Months,
    Custom,
}
