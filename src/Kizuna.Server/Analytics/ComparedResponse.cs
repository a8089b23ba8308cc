namespace Kizuna.Server.Analytics;

/// <summary>A view over <c>period</c> with the same view over <c>previousPeriod</c> (the same number of days just before).</summary>
public sealed record ComparedResponse<T>(PeriodResponse Period, T Current, PeriodResponse PreviousPeriod, T Previous);
