namespace Kizuna.Analytics.Metrics;

/// <summary>A view over a period with the same view over the period before it, for the change beside each figure.</summary>
public sealed record Compared<T>(OverviewPeriod Period, T Current, OverviewPeriod PreviousPeriod, T Previous);
