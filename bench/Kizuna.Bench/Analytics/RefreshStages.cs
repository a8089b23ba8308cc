using System.Diagnostics;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Scores;
using Kizuna.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// The full analytics refresh (every customer's RFM, BG/NBD and Gamma-Gamma fits, predictions, the write of the
/// values and the summary) on the synthetic store, three times, each stage's
/// wall and CPU time printed: on a shared machine the wall clock mostly measures the neighbours.
/// </summary>
public sealed class RefreshStages : IProgress<ScoreRefreshProgress>
{
    private readonly List<(string Stage, TimeSpan At, TimeSpan Cpu)> _stages = [];
    private readonly Stopwatch _watch = new();
    private readonly Process _process = Process.GetCurrentProcess();

    /// <summary>
    /// Three refreshes: as of the day after <paramref name="asOf"/>, the same again (values as they were), and a day
    /// later (every prediction moves with the customer's age, the RFM scores mostly stay).
    /// </summary>
    public static async Task RunAsync(Database database, DateOnly asOf)
    {
        for (var run = 1; run <= 3; run++)
        {
            var day = asOf.AddDays(run == 3 ? 2 : 1);
            var clock = new FixedClock(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            var refresher = new ScoreRefresher(new PurchaseReader(database), new ScoreWriter(database), new BasketRefresher(database), Options.Create(new ScoresOptions()),
                clock, NullLogger<ScoreRefresher>.Instance);
            var stages = new RefreshStages();
            stages._watch.Start();
            var summary = await refresher.RefreshAsync(1, stages, CancellationToken.None);
            stages.Print(run, summary);
            Console.WriteLine($"  rows written by this refresh: {await WrittenAsync(database):N0}");
        }
    }

    private static async Task<long> WrittenAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = "SELECT COUNT(*) FROM customer_scores WHERE workspace_id = 1 AND computed_at = (SELECT computed_at FROM score_summaries WHERE workspace_id = 1)";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Report(ScoreRefreshProgress value)
    {
        _process.Refresh();
        _stages.Add((value.Stage, _watch.Elapsed, _process.TotalProcessorTime));
    }

    private void Print(int run, ScoreSummary summary)
    {
        _process.Refresh();
        var (total, cpu) = (_watch.Elapsed, _process.TotalProcessorTime);
        Console.WriteLine($"refresh {run}: {summary.Customers:N0} customers scored, {summary.Predicted:N0} predicted, {total.TotalSeconds:F2} s wall, {(cpu - _stages[0].Cpu).TotalSeconds:F2} s cpu");
        for (var i = 0; i < _stages.Count; i++)
        {
            var (end, endCpu) = i + 1 < _stages.Count ? (_stages[i + 1].At, _stages[i + 1].Cpu) : (total, cpu);
            Console.WriteLine($"  {_stages[i].Stage,-16} {(end - _stages[i].At).TotalSeconds,7:F2} s wall {(endCpu - _stages[i].Cpu).TotalSeconds,7:F2} s cpu");
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
