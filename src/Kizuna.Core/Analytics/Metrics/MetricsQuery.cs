namespace Kizuna.Analytics.Metrics;

/// <summary>
/// What a metric is read over: a workspace, a period (UTC days) and a scope. <see cref="Currency"/> picks the
/// currency money figures are in; null takes the one with most orders in the period, so currencies never add up.
/// </summary>
public sealed record MetricsQuery(long WorkspaceId, OverviewPeriod Period, MetricsScope Scope, string? Currency = null)
{
    /// <summary>The same query over the period before.</summary>
    public MetricsQuery Previous => this with { Period = Period.Before() };
}
