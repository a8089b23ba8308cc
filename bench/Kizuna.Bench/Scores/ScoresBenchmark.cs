using System.Diagnostics;
using System.Globalization;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Scores;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kizuna.Bench.Scores;

/// <summary>
/// W7 (scores part): the full per-customer scores refresh (read the counted orders, RFM, BG/NBD and Gamma-Gamma
/// fits, predictions, one replacement of every customer's values) on a synthetic SQLite shop written straight into
/// the tables: <c>--customers</c> customers with ten orders each on average over two years.
/// </summary>
public static class ScoresBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = args.Length > 1 && args[0] == "--customers" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var folder = Path.Combine(Path.GetTempPath(), $"kizuna-scores-{Guid.NewGuid():N}");
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder });
        try
        {
            await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var watch = Stopwatch.StartNew();
            var orders = await GenerateAsync(database, customers, now);
            Console.WriteLine($"generated {customers:N0} customers, {orders:N0} orders in {watch.Elapsed.TotalSeconds:F1} s");
            await using (var connection = await database.OpenAsync(CancellationToken.None))
            {
                await using var plan = connection.CreateCommand();
                plan.CommandText = "ANALYZE; EXPLAIN QUERY PLAN " + PurchaseReader.SummarySqlFor(StoreKind.Sqlite).Replace("@ws", "1", StringComparison.Ordinal);
                await using var reader = await plan.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine($"  plan: {reader.GetString(3)}");
                }
            }

            var refresher = new ScoreRefresher(new PurchaseReader(database), new ScoreWriter(database), new BasketRefresher(database), Options.Create(new ScoresOptions()),
                new FixedClock(now), NullLogger<ScoreRefresher>.Instance);
            // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
            var stages = new List<(string Stage, TimeSpan At, TimeSpan Cpu)>();
            var process = Process.GetCurrentProcess();
            watch.Restart();
            var summary = await refresher.RefreshAsync(1, new StageTimes(stages, watch, process), CancellationToken.None);
            var (total, cpu) = (watch.Elapsed, process.TotalProcessorTime);
            for (var i = 0; i < stages.Count; i++)
            {
                var (end, endCpu) = i + 1 < stages.Count ? (stages[i + 1].At, stages[i + 1].Cpu) : (total, cpu);
                Console.WriteLine($"  {stages[i].Stage,-16} {(end - stages[i].At).TotalSeconds,7:F2} s wall {(endCpu - stages[i].Cpu).TotalSeconds,7:F2} s cpu");
            }

            Console.WriteLine($"refresh: {summary.Customers:N0} customers scored, {summary.Predicted:N0} predicted, {total.TotalSeconds:F2} s wall, {(cpu - stages[0].Cpu).TotalSeconds:F2} s cpu");
            watch.Restart();
            summary = await refresher.RefreshAsync(1, null, CancellationToken.None);
            Console.WriteLine($"second refresh (replacing the first's values): {watch.Elapsed.TotalSeconds:F2} s wall");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> GenerateAsync(SqliteDatabase database, int customers, DateTimeOffset now)
    {
        var random = new Random(42);
        long orders = 0;
        await using var connection = (SqliteConnection)await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        using var profile = new SqliteStatement(connection,
            "INSERT INTO profiles (workspace_id, id, user_id, first_seen, last_seen, currency) VALUES (1, ?1, ?2, ?3, ?3, 'EUR')");
        using var order = new SqliteStatement(connection,
            "INSERT INTO orders (workspace_id, order_id, profile_id, status, currency, total, placed_at, updated_at) VALUES (1, ?1, ?2, 'completed', 'EUR', ?3, ?4, ?4)");
        var span = TimeSpan.FromDays(730).TotalMilliseconds;
        for (var id = 1; id <= customers; id++)
        {
            var count = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 9);
            var first = now.ToUnixTimeMilliseconds() - (long)(random.NextDouble() * span);
            profile.Execute([(long)id, $"u{id}", first]);
            var at = first;
            for (var n = 0; n < count; n++)
            {
                order.Execute([$"{id}-{n}", (long)id, (long)random.Next(10, 200) * 10_000, at]);
                at += (long)(random.NextDouble() * (now.ToUnixTimeMilliseconds() - at) / 3);
                orders++;
            }
        }

        await transaction.CommitAsync();
        return orders;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class StageTimes(List<(string, TimeSpan, TimeSpan)> stages, Stopwatch watch, Process process) : IProgress<ScoreRefreshProgress>
    {
        public void Report(ScoreRefreshProgress value)
        {
            process.Refresh();
            stages.Add((value.Stage, watch.Elapsed, process.TotalProcessorTime));
        }
    }
}
