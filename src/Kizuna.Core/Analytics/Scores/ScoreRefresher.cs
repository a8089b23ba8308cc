using System.Collections.Concurrent;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Predictions;
using Kizuna.Analytics.Rfm;
using Kizuna.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

/// <summary>
/// Computes every customer's scores from the workspace's counted orders (<see cref="PurchaseReader"/>) and writes
/// them in one replacement (<see cref="ScoreWriter"/>): RFM for every customer with an order; BG/NBD fitted on all
/// of them and Gamma-Gamma per main currency on that currency's repeat customers, for P(alive), expected purchases
/// and the discounted CLV. Then the dashboard's standard basket views (<see cref="BasketRefresher"/>), so the
/// page reads stored rules. Runs on the job queue (<see cref="ScoreRefreshJobHandler"/>) and from <c>kizuna analyze</c>.
/// </summary>
public sealed partial class ScoreRefresher(
    PurchaseReader reader, ScoreWriter writer, BasketRefresher baskets, IOptions<ScoresOptions> options, TimeProvider time,
    ILogger<ScoreRefresher> logger)
{
    private const int Steps = 6;

    /// <summary>Customers per range of the parallel predictions.</summary>
    private const int PredictionRange = 65_536;

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public async Task<ScoreSummary> RefreshAsync(long workspaceId, IProgress<ScoreRefreshProgress>? progress, CancellationToken ct)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var today = Epoch.Day(Epoch.ToMs(now));

        progress?.Report(new ScoreRefreshProgress("Reading orders", 1, Steps));
        var customers = await reader.ReadAsync(workspaceId, now, ct);
        today = AsOfDay(customers, today, settings.HistoryGapDays);

        progress?.Report(new ScoreRefreshProgress("Scoring RFM", 2, Steps));
        var rfm = RfmScorer.Score(customers, today);

        progress?.Report(new ScoreRefreshProgress("Fitting models", 3, Steps));
        var histories = customers.Select(c => c.ToHistory(today)).ToArray();
        var (purchases, spends) = Fit(workspaceId, customers, histories, settings);

        progress?.Report(new ScoreRefreshProgress("Predicting", 4, Steps));
        var predictions = Predict(customers, histories, purchases, spends, settings);

        progress?.Report(new ScoreRefreshProgress("Writing values", 5, Steps));
        // The basket views are read and mined on the other core while the rows are written (on SQLite one thread
        // writes); they are stored after, in their own transaction.
        var basketing = Task.Run(() => baskets.RefreshAsync(workspaceId, now, ct), ct);
        // The summary is counted on the other core while the rows are written; it is stored last, in the same transaction.
        var asOf = DateOnly.FromDayNumber(EpochDayNumber + today);
        var summarised = Task.Run(() =>
        {
            var built = ScoreSummaries.Build(workspaceId, now, customers, rfm, predictions, purchases, spends);
            return built with { DurationMs = time.GetElapsedTime(started).TotalMilliseconds, AsOf = asOf };
        }, ct);
        await writer.ReplaceAsync(workspaceId, Rows(rfm, predictions), now, summarised, ct);
        var summary = await summarised;

        progress?.Report(new ScoreRefreshProgress("Basket rules", 6, Steps));
        await basketing;
        LogRefreshed(logger, workspaceId, summary.Customers, summary.Predicted, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return summary with { DurationMs = time.GetElapsedTime(started).TotalMilliseconds };
    }

    /// <summary>Today, or the last order's day when the history ended more than <paramref name="gapDays"/> before it.</summary>
    private static int AsOfDay(List<CustomerPurchases> customers, int today, int gapDays)
    {
        var last = customers.Count == 0 ? today : customers.Max(c => c.LastDay);
        return gapDays > 0 && today - last > gapDays ? last : today;
    }

    private (BgNbdParameters? Purchases, Dictionary<string, GammaGammaParameters> Spends) Fit(
        long workspaceId, List<CustomerPurchases> customers, PurchaseHistory[] histories, ScoresOptions settings)
    {
        var spends = new Dictionary<string, GammaGammaParameters>(StringComparer.Ordinal);
        if (customers.Count < settings.MinimumCustomers || histories.All(h => h.Frequency == 0))
        {
            return (null, spends);
        }

        // The purchase model and the spend models are independent: the first is fitted on the other core meanwhile.
        var fitting = Task.Run(() => BgNbdModel.Fit(Sample(histories, settings.FitCustomers)));
        foreach (var currency in customers.Select((c, i) => (c.Currency, i)).GroupBy(c => c.Currency ?? ""))
        {
            var repeat = currency.Select(c => histories[c.i]).Where(h => h.Frequency > 0 && h.MeanRepeatSpend > 0).ToList();
            if (repeat.Count < settings.MinimumRepeatCustomers)
            {
                continue;
            }

            try
            {
                var spend = GammaGammaModel.Fit(Sample(repeat, settings.FitCustomers));
                if (spend.Q > 1 && double.IsFinite(spend.PopulationMean))
                {
                    spends[currency.Key] = spend;
                }
            }
            catch (Exception ex) when (ex is ArithmeticException or ArgumentException or InvalidOperationException)
            {
                LogNotFitted(logger, workspaceId, "Gamma-Gamma", ex.Message);
            }
        }

        try
        {
            return (fitting.GetAwaiter().GetResult(), spends);
        }
        catch (Exception ex) when (ex is ArithmeticException or ArgumentException or InvalidOperationException)
        {
            LogNotFitted(logger, workspaceId, "BG/NBD", ex.Message);
            return (null, []);
        }
    }

    /// <summary>Every n-th item when there are more than <paramref name="max"/>, spread evenly over the whole list.</summary>
    internal static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int max) =>
        items.Count <= max ? items : [.. Enumerable.Range(0, max).Select(i => items[(int)((long)i * items.Count / max)])];

    /// <summary>
    /// Each customer's prediction with their currency's model (null without one, or when it states nothing), computed
    /// over ranges of customers in parallel: a customer's prediction depends on their own history alone, so the results
    /// are the same however the ranges are run.
    /// </summary>
    private static List<CustomerPrediction?> Predict(
        List<CustomerPurchases> customers, PurchaseHistory[] histories, BgNbdParameters? purchases,
        Dictionary<string, GammaGammaParameters> spends, ScoresOptions settings)
    {
        var predictions = new CustomerPrediction?[customers.Count];
        var models = purchases is null
            ? []
            : spends.ToDictionary(s => s.Key, s => new ClvModel(purchases, s.Value, settings.Months, settings.MonthlyDiscountRate), StringComparer.Ordinal);
        if (models.Count > 0)
        {
            Parallel.ForEach(Partitioner.Create(0, customers.Count, PredictionRange), range =>
            {
                // Customers sharing (x, t_x, T) share the expected purchases by month, the costly part.
                var cumulative = new Dictionary<(int, double, double), double[]>();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    if (!models.TryGetValue(customers[i].Currency ?? "", out var model))
                    {
                        continue;
                    }

                    var h = histories[i];
                    if (!cumulative.TryGetValue((h.Frequency, h.Recency, h.Age), out var expected))
                    {
                        cumulative[(h.Frequency, h.Recency, h.Age)] = expected = model.Cumulative(h);
                    }

                    var prediction = model.Predict(h, expected);
                    predictions[i] = ScoreNames.IsStatable(prediction.Clv) && double.IsFinite(prediction.ProbabilityAlive) ? prediction : null;
                }
            });
        }

        return [.. predictions];
    }

    /// <summary>One row per customer, in profile order (the table's key order).</summary>
    private static IEnumerable<ScoreRow> Rows(List<RfmScore> rfm, List<CustomerPrediction?> predictions)
    {
        for (var i = 0; i < rfm.Count; i++)
        {
            var score = rfm[i];
            var row = new ScoreRow(score.ProfileId, score.Recency, score.Frequency, score.Monetary, score.Code, RfmSegments.Name(score.Segment));
            yield return predictions[i] is { } p
                ? row with { PredictedClv = Math.Round(p.Clv, 2), ProbabilityAlive = p.ProbabilityAlive, ExpectedPurchases = p.ExpectedPurchases, ChurnRisk = p.ChurnRisk }
                : row;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scores of workspace {WorkspaceId} refreshed: {Customers} customers, {Predicted} with predictions, in {Ms} ms")]
    private static partial void LogRefreshed(ILogger logger, long workspaceId, int customers, int predicted, long ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Model} model of workspace {WorkspaceId} could not be fitted: {Reason}")]
    private static partial void LogNotFitted(ILogger logger, long workspaceId, string model, string reason);
}
