namespace Kizuna.Analytics.Metrics;

/// <summary>Retention by first-order month (calendar months, UTC) for the cohorts that began in the period, oldest first.</summary>
public sealed record CohortRetention(IReadOnlyList<CohortRow> Cohorts);
