using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Metrics;
using Kizuna.Storage;

namespace Kizuna.Analytics.OnlineRetail;

/// <summary>
/// Basket rules of the French customers of Online Retail (minimum support 0.07, lift ≥ 1) against a plain Apriori
/// over the file's French orders: the same rules with the same support, confidence and lift, one by one.
/// </summary>
[Collection(OnlineRetailCollection.Name)]
public sealed class FranceBasketTests(OnlineRetailFixture retail)
{
    private const double MinSupport = 0.07;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnalyseAsync_France_MatchesAReferenceApriori(string engine)
    {
        var host = await retail.HostAsync(engine);
        var period = new OverviewPeriod(new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9));
        var query = new MetricsQuery(host.Workspace.Id, period, MetricsScope.Trait("country", "France"));
        var settings = new BasketSettings(MinSupport, MinLift: 1, MaxItems: BasketSettings.MaxItemsLimit, MaxRules: BasketSettings.MaxRulesLimit);

        var analysis = await host.Get<BasketService>().AnalyseAsync(query, settings, TestContext.Current.CancellationToken);

        // Baskets: open French orders, items the products of their priced lines.
        var baskets = retail.Reference.Orders
            .Where(o => o.Counted && retail.Reference.CountryOf[o.Customer] == "France")
            .Select(o => o.Lines.Where(l => l.Price > 0).Select(l => l.Product).ToHashSet(StringComparer.Ordinal))
            .Where(b => b.Count > 0)
            .ToList();
        var expected = Apriori(baskets);

        Assert.Equal(baskets.Count, analysis.Baskets);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, analysis.TotalRules);
        var actual = analysis.Rules.ToDictionary(r => Key(r.Antecedent, r.Consequent));
        foreach (var rule in expected)
        {
            var found = actual[Key(rule.Antecedent, rule.Consequent)];
            Assert.Equal(rule.Count, found.Count);
            Assert.Equal(rule.Support, found.Support, 12);
            Assert.Equal(rule.Confidence, found.Confidence, 12);
            Assert.Equal(rule.Lift, found.Lift, 12);
        }

        Assert.All(analysis.Rules.SelectMany(r => r.Antecedent.Concat(r.Consequent)), id => Assert.False(string.IsNullOrWhiteSpace(analysis.ProductNames[id])));
        Assert.Equal("ROUND SNACK BOXES SET OF4 WOODLAND", analysis.ProductNames["22326"].Trim());
    }

    /// <summary>Level-wise Apriori: candidates of size k+1 from frequent k-itemsets, counted by a scan of every basket.</summary>
    private static List<AssociationRule> Apriori(List<HashSet<string>> baskets)
    {
        var n = baskets.Count;
        bool Frequent(long count) => (double)count / n >= MinSupport;
        var support = new Dictionary<string, long>(StringComparer.Ordinal);
        var level = baskets.SelectMany(b => b).Distinct().Select(i => new[] { i }).ToList();
        while (level.Count > 0)
        {
            var frequent = new List<string[]>();
            foreach (var candidate in level)
            {
                var count = baskets.LongCount(b => candidate.All(b.Contains));
                if (Frequent(count))
                {
                    support[string.Join('|', candidate)] = count;
                    frequent.Add(candidate);
                }
            }

            level = [.. frequent
                .SelectMany(a => frequent.Where(b => a.AsSpan(0, a.Length - 1).SequenceEqual(b.AsSpan(0, b.Length - 1)) && string.CompareOrdinal(a[^1], b[^1]) < 0).Select(b => (string[])[.. a, b[^1]]))
                .Select(c => c.Order(StringComparer.Ordinal).ToArray())];
        }

        var rules = new List<AssociationRule>();
        foreach (var (key, count) in support)
        {
            var items = key.Split('|');
            for (var mask = 1; mask < (1 << items.Length) - 1; mask++)
            {
                var antecedent = items.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
                var consequent = items.Where((_, i) => (mask & (1 << i)) == 0).ToArray();
                var confidence = (double)count / support[string.Join('|', antecedent)];
                var lift = confidence / ((double)support[string.Join('|', consequent)] / n);
                if (lift >= 1)
                {
                    rules.Add(new AssociationRule(antecedent, consequent, count, (double)count / n, confidence, lift));
                }
            }
        }

        return rules;
    }

    private static string Key(IEnumerable<string> antecedent, IEnumerable<string> consequent) =>
        string.Join('|', antecedent.Order(StringComparer.Ordinal)) + " => " + string.Join('|', consequent.Order(StringComparer.Ordinal));
}
