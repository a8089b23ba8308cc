namespace Kizuna.Analytics.Baskets;

/// <summary>The rules mined from <see cref="Baskets"/> orders, highest lift first, with the frequent itemsets of two or more products.</summary>
public sealed record BasketAnalysis(
    OverviewPeriod Period, BasketSettings Settings, long Baskets, IReadOnlyList<FrequentItemset> Itemsets, IReadOnlyList<AssociationRule> Rules)
{
    /// <summary>Rules found before <see cref="BasketSettings.MaxRules"/> cut the list.</summary>
    public long TotalRules { get; init; }

    /// <summary>The name of each product the rules mention, where its lines named it.</summary>
    public IReadOnlyDictionary<string, string> ProductNames { get; init; } = new Dictionary<string, string>();

    /// <summary>When the scores refresh computed this result, for a stored view; null when it was mined for the request.</summary>
    public DateTimeOffset? ComputedAt { get; init; }
}
