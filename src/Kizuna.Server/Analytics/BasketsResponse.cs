using Kizuna.Analytics.Baskets;

namespace Kizuna.Server.Analytics;

/// <summary>
/// Association rules (highest lift first) and frequent itemsets of two or more products, from <c>baskets</c> orders;
/// <c>productNames</c> names each product id the rules mention.
/// </summary>
public sealed record BasketsResponse(
    PeriodResponse Period, long Baskets, long TotalRules, IReadOnlyList<RuleResponse> Rules, IReadOnlyList<ItemsetResponse> Itemsets,
    IReadOnlyDictionary<string, string> ProductNames)
{
    public static BasketsResponse From(BasketAnalysis a) => new(
        PeriodResponse.Of(a.Period), a.Baskets, a.TotalRules,
        [.. a.Rules.Select(r => new RuleResponse(r.Antecedent, r.Consequent, r.Count, r.Support, r.Confidence, r.Lift))],
        [.. a.Itemsets.Select(s => new ItemsetResponse(s.Items, s.Count, s.Support))],
        a.ProductNames);
}
