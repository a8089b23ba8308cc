using Kizuna.Analytics.Predictions;

namespace Kizuna.Analytics.Rfm;

/// <summary>
/// Scores customers with at least one counted order. Recency is the days since the last purchase (fewer is better),
/// frequency the number of orders, monetary the net spend in the main currency. Each is scored 1–5 by quintile of
/// the mid-rank: a value's score is 1 + ⌊5 · (below + equal / 2) / n⌋ (at most 5), where below is how many customers
/// have a strictly worse value and equal how many share it. Customers with the same value always get the same
/// score, whatever order they come in. The worst value scores 1 and the best 5 however many share them (with two
/// distinct values or more): in most shops most customers bought once, and the mid-rank alone would give every
/// one-time buyer a frequency of 2 or 3 and leave 1 to nobody; likewise a recency most customers share at the top
/// (an import dated on one day) is the best recency there is. Middle values keep their mid-rank quintile.
/// </summary>
public static class RfmScorer
{
    public static List<RfmScore> Score(IReadOnlyList<CustomerPurchases> customers, int asOfDay)
    {
        // The three scores are independent of each other: counted side by side.
        int[] r = [], f = [], m = [];
        Parallel.Invoke(
            () => r = Quintiles(customers, c => -(long)(asOfDay - c.LastDay)),
            () => f = Quintiles(customers, c => c.Orders),
            () => m = Quintiles(customers, c => c.TotalUnits));
        var scores = new List<RfmScore>(customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            scores.Add(new RfmScore(customers[i].ProfileId, r[i], f[i], m[i], RfmSegments.Of(r[i], f[i], m[i])));
        }

        return scores;
    }

    /// <summary>The mid-rank quintile of each customer's value (higher is better).</summary>
    internal static int[] Quintiles(IReadOnlyList<CustomerPurchases> customers, Func<CustomerPurchases, long> value)
    {
        var n = customers.Count;
        var values = new long[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = value(customers[i]);
        }

        var sorted = (long[])values.Clone();
        Array.Sort(sorted);
        var scoreOf = new Dictionary<long, int>();
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && sorted[end] == sorted[start])
            {
                end++;
            }

            var midRank = start + (end - start) / 2.0;
            var distinct = sorted[0] != sorted[n - 1];
            scoreOf[sorted[start]] = distinct && start == 0 ? 1
                : distinct && end == n ? 5
                : Math.Min(5, 1 + (int)Math.Floor(5 * midRank / n));
            start = end;
        }

        var scores = new int[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = scoreOf[values[i]];
        }

        return scores;
    }
}
