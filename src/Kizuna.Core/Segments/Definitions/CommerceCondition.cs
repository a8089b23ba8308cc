namespace Kizuna.Segments.Definitions;

/// <summary>A commerce figure passes a number test (counts, money) or a date test (first and last order).</summary>
public sealed record CommerceCondition(CommerceMetric Metric, Test Test) : Condition;
