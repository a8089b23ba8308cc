using Kizuna.Analytics.Baskets;

namespace Kizuna.Server.Analytics;

/// <summary>
/// Association rules (highest lift first) and frequent itemsets of two or more products, from <c>baskets</c> orders;
/// <c>productNames</c> names each product id the rules mention. <c>computedAt</c> is when the scores refresh computed
/// a stored standard view (the whole workspace over the last 7 or 30 days at the default settings); null when
/// the rules were mined for this request.
/// </summary>
public sealed record BasketsResponse(
    PeriodResponse Period, long Baskets, long TotalRules, IReadOnlyList<RuleResponse> Rules, IReadOnlyList<ItemsetResponse> Itemsets,
    IReadOnlyDictionary<string, string> ProductNames, DateTimeOffset? ComputedAt)
{
    public static BasketsResponse From(BasketAnalysis a) => new(
        PeriodResponse.Of(a.Period), a.Baskets, a.TotalRules,
        [.. a.Rules.Select(r => new RuleResponse(r.Antecedent, r.Consequent, r.Count, r.Support, r.Confidence, r.Lift))],
        [.. a.Itemsets.Select(s => new ItemsetResponse(s.Items, s.Count, s.Support))],
        a.ProductNames, a.ComputedAt);
}
