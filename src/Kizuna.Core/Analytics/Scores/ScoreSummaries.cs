using Kizuna.Analytics.Predictions;
using Kizuna.Analytics.Rfm;

namespace Kizuna.Analytics.Scores;

/// <summary>Folds a refresh's per-customer results into the <see cref="ScoreSummary"/> the grid, the distribution and the report read.</summary>
internal static class ScoreSummaries
{
    public static ScoreSummary Build(
        long workspaceId, DateTimeOffset now, List<CustomerPurchases> customers, List<RfmScore> rfm, List<CustomerPrediction?> predictions,
        BgNbdParameters? purchases, Dictionary<string, GammaGammaParameters> spends)
    {
        var cells = new List<RfmCell>();
        foreach (var cell in Enumerable.Range(0, rfm.Count).GroupBy(i => (rfm[i].Recency, rfm[i].Frequency)).OrderByDescending(g => g.Key.Recency).ThenByDescending(g => g.Key.Frequency))
        {
            cells.Add(new RfmCell(cell.Key.Recency, cell.Key.Frequency, cell.Count(), Revenue(customers, cell)));
        }

        var segments = RfmSegments.All
            .Select(s => (Segment: s, Members: Enumerable.Range(0, rfm.Count).Where(i => rfm[i].Segment == s).ToList()))
            .Select(s => new RfmSegmentSummary(s.Segment, s.Members.Count, Revenue(customers, s.Members)))
            .ToList();

        var clv = spends.Select(s =>
        {
            var values = Enumerable.Range(0, customers.Count)
                .Where(i => predictions[i] is { } p && ScoreNames.IsStatable(p.Clv) && (customers[i].Currency ?? "") == s.Key)
                .Select(i => Math.Round((decimal)predictions[i]!.Clv, 2)).ToList();
            var sorted = values.Order().ToList();
            var median = sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            var total = values.Sum();
            return new CurrencyClv(s.Key == "" ? null : s.Key, values.Count, total, values.Count == 0 ? 0 : Math.Round(total / values.Count, 2), median, s.Value, ClvHistogram.Buckets(sorted));
        }).OrderByDescending(c => c.Customers).ThenBy(c => c.Currency, StringComparer.Ordinal).ToList();

        var predicted = predictions.Count(p => p is not null && ScoreNames.IsStatable(p.Clv));
        var atRisk = predictions.Count(p => p is not null && ScoreNames.IsStatable(p.Clv) && p.ChurnRisk >= ScoreNames.AtRiskFrom);
        return new ScoreSummary(workspaceId, now, customers.Count, predicted, atRisk, cells, segments, purchases, clv, 0);
    }

    private static List<CurrencyAmount> Revenue(List<CustomerPurchases> customers, IEnumerable<int> members) =>
        [.. members.GroupBy(i => customers[i].Currency)
            .Select(g => new CurrencyAmount(g.Key, g.Sum(i => customers[i].TotalUnits) / 10_000m))
            .OrderByDescending(a => a.Amount)];
}
