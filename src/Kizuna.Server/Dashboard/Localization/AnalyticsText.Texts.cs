namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record AnalyticsText
{
    public required string ClvMean { get; init; }

    public required string ClvMedian { get; init; }

    public required string ClvTotal { get; init; }

    public required string AtRisk { get; init; }

    public required string NoClv { get; init; }

    public required string NoCurrency { get; init; }

    public required string BuyersInPeriod { get; init; }

    public required string RepeatVsOneTime { get; init; }

    public required string RepeatCustomers { get; init; }

    public required string OneTimeCustomers { get; init; }

    public required string SpendPerCustomerHelp { get; init; }

    public required string NoBuyers { get; init; }

    public required string MembersTitle { get; init; }

    public required string MembersHint { get; init; }

    public required string Members { get; init; }

    public required string NonMembers { get; init; }

    public required string Difference { get; init; }

    public required string CohortRetention { get; init; }

    public required string NoCohorts { get; init; }

    public required string FirstOrderMonth { get; init; }

    public required string CohortCustomers { get; init; }

    public required string PurchasesBy { get; init; }

    public required string AgeBand { get; init; }

    public required string Gender { get; init; }

    public required string Country { get; init; }

    public required string Product { get; init; }

    public required string Category { get; init; }

    public required string Change { get; init; }

    public required string NoPurchases { get; init; }

    public required string Unknown { get; init; }

    public required string MinSupport { get; init; }

    public required string MinSupportHelp { get; init; }

    public required string MinSupportInvalid { get; init; }

    public required string MinLift { get; init; }

    public required string MinLiftHelp { get; init; }

    public required string MinLiftInvalid { get; init; }

    public required string CountryHelp { get; init; }

    public required string FindRules { get; init; }

    public required string WhoBought { get; init; }

    public required string AlsoBought { get; init; }

    public required string Support { get; init; }

    public required string Confidence { get; init; }

    public required string Lift { get; init; }

    public required string BasketCount { get; init; }

    public required string NoRules { get; init; }

    public required string JobRunning { get; init; }

    public required string JobDone { get; init; }

    public required string JobFailed { get; init; }

    public required string PreviouslyFormat { get; init; }

    public required string PointsChangeFormat { get; init; }

    public required string RevenueTrendFormat { get; init; }

    public required string DaysValueFormat { get; init; }

    public required string ByRevenueFormat { get; init; }

    public required string ScoresAtFormat { get; init; }

    public required string MonthOffsetFormat { get; init; }

    public required string ActiveOfFormat { get; init; }

    public required string MembersOfFormat { get; init; }

    public required string RepeatSpendRatioFormat { get; init; }

    public required string RulesFoundFormat { get; init; }

    /// <summary>A stored basket view: {0} and {1} the period's first and last day; the computed-at time follows.</summary>
    public required string BasketsStoredFormat { get; init; }

    /// <summary>A basket view mined for the request: {0} and {1} the period's first and last day.</summary>
    public required string BasketsLiveFormat { get; init; }

    public required string FewAnswersFormat { get; init; }

    public required string ManyAnswersFormat { get; init; }

    public required string JobWaitingFormat { get; init; }

    /// <summary>The RFM segments' names in this language (the stored names stay English).</summary>
    public required IReadOnlyDictionary<Kizuna.Analytics.Rfm.RfmSegment, string> Segments { get; init; }
}
