namespace Kizuna.Analytics.Scores;

/// <summary>
/// Buckets for a CLV distribution on the 1–2.5–5 ladder (0, 1, 2.5, 5, 10, 25, …): even steps on the logarithmic
/// scale that values like these spread over, with edges a reader takes in at a glance. The buckets run from 0 to
/// the first edge above the largest value; empty buckets below the smallest value are merged into the first.
/// </summary>
public static class ClvHistogram
{
    public static IReadOnlyList<ClvBucket> Buckets(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var max = values.Max();
        var edges = new List<decimal> { 0 };
        for (decimal scale = 1; edges[^1] <= max; scale *= 10)
        {
            edges.AddRange([scale, scale * 2.5m, scale * 5]);
        }

        while (edges.Count > 2 && edges[^2] > max)
        {
            edges.RemoveAt(edges.Count - 1);
        }

        var counts = new int[edges.Count - 1];
        var totals = new decimal[edges.Count - 1];
        foreach (var value in values)
        {
            var i = Math.Max(0, edges.BinarySearch(value) is var at && at >= 0 ? at : ~at - 1);
            i = Math.Min(i, counts.Length - 1);
            counts[i]++;
            totals[i] += value;
        }

        var first = Math.Max(0, Array.FindIndex(counts, c => c > 0));
        var buckets = new List<ClvBucket>();
        for (var i = first; i < counts.Length; i++)
        {
            buckets.Add(new ClvBucket(i == first ? 0 : edges[i], edges[i + 1], i == first ? counts[..(first + 1)].Sum() : counts[i], totals[i]));
        }

        return buckets;
    }
}
