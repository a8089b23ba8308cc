namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record AnalyticsText
{
    public required string Analytics { get; init; }

    public required string Engagement { get; init; }

    public required string CustomerValue { get; init; }

    public required string Trends { get; init; }

    public required string Baskets { get; init; }

    public required string Scope { get; init; }

    public required string ScopeWorkspace { get; init; }

    public required string ScopeTrait { get; init; }

    public required string ScopeSegment { get; init; }

    public required string TraitName { get; init; }

    public required string TraitValue { get; init; }

    public required string Apply { get; init; }

    public required string ThisPeriod { get; init; }

    public required string PreviousPeriod { get; init; }

    public required string Revenue { get; init; }

    public required string Orders { get; init; }

    public required string BuyingCustomers { get; init; }

    public required string Aov { get; init; }

    public required string PurchaseFrequency { get; init; }

    public required string RepeatRate { get; init; }

    public required string Ltv { get; init; }

    public required string DaysBetweenOrders { get; init; }

    public required string PagesPerSession { get; init; }

    public required string Conversion { get; init; }

    public required string EmailOpenRate { get; init; }

    public required string EmailClickRate { get; init; }

    public required string OrdersTrend { get; init; }

    public required string Nps { get; init; }

    public required string NpsIntro { get; init; }

    public required string NpsTrend { get; init; }

    public required string NpsDistribution { get; init; }

    public required string NpsBarLabel { get; init; }

    public required string Detractors { get; init; }

    public required string Passives { get; init; }

    public required string Promoters { get; init; }

    public required string NoAnswers { get; init; }

    public required string Score { get; init; }

    public required string Scores { get; init; }

    public required string NoScoresYet { get; init; }

    public required string ScoresCard { get; init; }

    public required string RfmScores { get; init; }

    public required string ProbabilityAlive { get; init; }

    public required string ChurnRisk { get; init; }

    public required string ExpectedPurchases { get; init; }

    public required string NotScoredYet { get; init; }

    public required string ScoredAt { get; init; }

    public required string RefreshScores { get; init; }

    public required string RfmGrid { get; init; }

    public required string RfmGridHelp { get; init; }

    public required string RecencyFrequency { get; init; }

    public required string ByCustomers { get; init; }

    public required string RfmSegments { get; init; }

    public required string ClvDistribution { get; init; }

    public required string ClvCustomers { get; init; }
}
