namespace Kizuna.Analytics.Metrics;

/// <summary>
/// The purchases of a trait's or segment's members beside everyone else's in the workspace, in one currency: AOV,
/// purchase frequency and spend per customer side by side (a loyalty programme's case in two columns).
/// </summary>
public sealed record MembersComparison(MetricsScope Scope, CommerceMetrics Members, CommerceMetrics NonMembers);
