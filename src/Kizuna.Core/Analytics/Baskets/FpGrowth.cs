namespace Kizuna.Analytics.Baskets;

/// <summary>
/// FP-Growth by pattern growth over projected baskets: items are ranked by frequency, each basket keeps its frequent
/// items in rank order, and the itemsets ending in an item are mined from the basket prefixes before it (its
/// conditional pattern base), recursively. Identical prefixes are merged with a weight, which is what the FP-tree's
/// shared paths achieve, without the pointer structure. Every frequent itemset is found exactly once.
/// </summary>
internal static class FpGrowth
{
    /// <summary>The frequent itemsets (item ids sorted ascending) of at most <paramref name="maxItems"/> items with their basket counts.</summary>
    public static Dictionary<string, (int[] Items, long Count)> Mine(IReadOnlyList<int[]> baskets, long minCount, int maxItems)
    {
        var counts = new Dictionary<int, long>();
        foreach (var basket in baskets)
        {
            foreach (var item in basket)
            {
                counts[item] = counts.GetValueOrDefault(item) + 1;
            }
        }

        // Rank 0 is the most frequent item; ranks are what the projections compare.
        var itemOfRank = counts.Where(c => c.Value >= minCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key).ToArray();
        var rankOf = itemOfRank.Select((item, rank) => (item, rank)).ToDictionary(p => p.item, p => p.rank);
        var database = Merge(baskets
            .Select(b => b.Where(rankOf.ContainsKey).Select(i => rankOf[i]).Distinct().Order().ToArray())
            .Where(b => b.Length > 0)
            .Select(b => (b, 1L)));

        var found = new Dictionary<string, (int[] Items, long Count)>(StringComparer.Ordinal);
        Grow(database, [], minCount, maxItems, itemOfRank, found);
        return found;
    }

    public static string Key(IEnumerable<int> sortedItems) => string.Join(',', sortedItems);

    private static void Grow(
        List<(int[] Ranks, long Weight)> database, List<int> suffix, long minCount, int maxItems, int[] itemOfRank,
        Dictionary<string, (int[] Items, long Count)> found)
    {
        var counts = new Dictionary<int, long>();
        foreach (var (ranks, weight) in database)
        {
            foreach (var rank in ranks)
            {
                counts[rank] = counts.GetValueOrDefault(rank) + weight;
            }
        }

        foreach (var (rank, count) in counts)
        {
            if (count < minCount)
            {
                continue;
            }

            suffix.Add(rank);
            var items = suffix.Select(r => itemOfRank[r]).Order().ToArray();
            found[Key(items)] = (items, count);
            if (suffix.Count < maxItems)
            {
                // The conditional pattern base: what comes before the item in the baskets that hold it.
                var projected = Merge(database
                    .Select(t => (t.Ranks, At: Array.BinarySearch(t.Ranks, rank), t.Weight))
                    .Where(t => t.At > 0)
                    .Select(t => (t.Ranks[..t.At], t.Weight)));
                if (projected.Count > 0)
                {
                    Grow(projected, suffix, minCount, maxItems, itemOfRank, found);
                }
            }

            suffix.RemoveAt(suffix.Count - 1);
        }
    }

    /// <summary>Identical baskets as one with their weights added.</summary>
    private static List<(int[] Ranks, long Weight)> Merge(IEnumerable<(int[] Ranks, long Weight)> rows)
    {
        var merged = new Dictionary<int[], long>(SameRanks.Instance);
        foreach (var (ranks, weight) in rows)
        {
            merged[ranks] = merged.GetValueOrDefault(ranks) + weight;
        }

        return [.. merged.Select(m => (m.Key, m.Value))];
    }

    /// <summary>Rank lists compared by their ranks, so identical baskets merge without a text key each.</summary>
    private sealed class SameRanks : IEqualityComparer<int[]>
    {
        public static readonly SameRanks Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] ranks)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ranks.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
