namespace Kizuna.Browser;

/// <summary>
/// Association rules by brute force over every subset of the products in the baskets: the reference the basket
/// page is checked against (a second computation, not the product's FP-Growth).
/// </summary>
public static class BasketReference
{
    public static List<(string Antecedent, string Consequent, double Support, double Confidence, double Lift, int Count)> Rules(
        IReadOnlyList<HashSet<string>> baskets, double minSupport, double minLift)
    {
        var products = baskets.SelectMany(b => b).Distinct().Order(StringComparer.Ordinal).ToArray();
        int Count(IEnumerable<string> items) => baskets.Count(b => items.All(b.Contains));
        var rules = new List<(string, string, double, double, double, int)>();
        for (var mask = 1; mask < 1 << products.Length; mask++)
        {
            var itemset = products.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var count = Count(itemset);
            if (itemset.Length < 2 || count < minSupport * baskets.Count)
            {
                continue;
            }

            for (var sub = 1; sub < (1 << itemset.Length) - 1; sub++)
            {
                var antecedent = itemset.Where((_, i) => (sub & (1 << i)) != 0).ToArray();
                var consequent = itemset.Except(antecedent).ToArray();
                var confidence = (double)count / Count(antecedent);
                var lift = confidence / ((double)Count(consequent) / baskets.Count);
                if (lift >= minLift)
                {
                    rules.Add((string.Join(" + ", antecedent), string.Join(" + ", consequent), (double)count / baskets.Count, confidence, lift, count));
                }
            }
        }

        return rules;
    }
}
