namespace Kizuna.Analytics.Baskets;

/// <summary>Association rules from the frequent itemsets: every split of an itemset of two or more items into antecedent and consequent.</summary>
internal static class BasketRules
{
    public static List<AssociationRule> From(
        Dictionary<string, (int[] Items, long Count)> itemsets, long baskets, BasketSettings settings, IReadOnlyList<string> names)
    {
        var rules = new List<AssociationRule>();
        foreach (var (items, count) in itemsets.Values.Where(s => s.Items.Length > 1))
        {
            var all = (1 << items.Length) - 1;
            for (var mask = 1; mask < all; mask++)
            {
                var antecedent = items.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
                var consequent = items.Where((_, i) => (mask & (1 << i)) == 0).ToArray();

                // Every subset of a frequent itemset is frequent, so both are among the itemsets mined.
                var confidence = (double)count / itemsets[FpGrowth.Key(antecedent)].Count;
                var lift = confidence / ((double)itemsets[FpGrowth.Key(consequent)].Count / baskets);
                if (confidence >= settings.MinConfidence && lift >= settings.MinLift)
                {
                    rules.Add(new AssociationRule(Names(antecedent, names), Names(consequent, names), count, (double)count / baskets, confidence, lift));
                }
            }
        }

        return rules;
    }

    public static IReadOnlyList<string> Names(IEnumerable<int> items, IReadOnlyList<string> names) =>
        [.. items.Select(i => names[i]).Order(StringComparer.Ordinal)];
}
