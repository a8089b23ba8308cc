using System.Net.Http.Json;
using Dapper;
using Kizuna.Bench.Ingest;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuna.Bench.SegmentsLive;

/// <summary>
/// W3 real time (docs/BENCHMARKS.md): W1's batched phase against a server with real-time membership off and one with
/// it on, in the same run, with two segments (first order; gold plan, which customers enter and leave as identify
/// calls change it); and per Segment Entered event written in the timed phase, the time from the commit of the
/// change that caused it (its stated time) to the moment it was handed to the writer. On SQLite.
/// </summary>
public static class SegmentsLiveBenchmark
{
    private static readonly string[] Definitions = ["performed(\"Order Completed\")", "trait.plan = \"gold\""];

    public static async Task<int> RunAsync(IngestOptions options)
    {
        var ct = CancellationToken.None;
        var run = "w3rt-" + Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"W3 real time under W1: {options.Events:N0} events in 100-event batches, {options.Connections} connections, "
            + $"{options.Profiles:N0} profiles, {options.ActiveVisitors:N0} visitors active, {options.Warmup:N0} warm-up events, {Environment.ProcessorCount} cores");
        var batches = SegmentLoad.Batches(SegmentLoad.Generate(run, options.Events, options.Profiles, options.ActiveVisitors, seed: 1));
        var warmup = SegmentLoad.Batches(SegmentLoad.Generate(run + "-warmup", options.Warmup, options.Profiles, options.ActiveVisitors, seed: 3));
        Console.WriteLine("Flooded (as fast as the server acknowledges):");
        Console.WriteLine("| round | events/s membership off | events/s membership on | ratio | ack → Segment Entered p50 / p99 / max (ms) | entries |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= 2; round++)
        {
            var off = await MeasureAsync(realTime: false, options, batches, warmup, null, ct);
            var on = await MeasureAsync(realTime: true, options, batches, warmup, null, ct);
            Console.WriteLine($"| {round} | {off.Load.EventsPerSecond:N0} | {on.Load.EventsPerSecond:N0} | {on.Load.EventsPerSecond / off.Load.EventsPerSecond:0.00} | {Lags(on.Lags)} |");
        }

        Console.WriteLine($"Paced at {options.Rate:N0} events/s, membership on:");
        Console.WriteLine("| round | events/s achieved | ack p50 / p99 (ms) | ack → Segment Entered p50 / p99 / max (ms) | entries |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var round = 1; round <= 2; round++)
        {
            var on = await MeasureAsync(realTime: true, options, batches, warmup, options.Rate, ct);
            Console.WriteLine($"| {round} | {on.Load.EventsPerSecond:N0} | {on.Load.P50Ms:0} / {on.Load.P99Ms:0} | {Lags(on.Lags)} |");
        }

        return 0;
    }

    private static async Task<(LoadResult Load, List<double> Lags)> MeasureAsync(
        bool realTime, IngestOptions options, IReadOnlyList<byte[]> batches, IReadOnlyList<byte[]> warmup, int? rate, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kizuna-w3rt-");
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
        try
        {
            await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
            var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("w3rt", "W3 real time", ct);
            var keys = new ApiKeyService(database, TimeProvider.System);
            var writeKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "Load", [], ct)).Secret;
            var secretKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "Segments", [Scopes.SegmentsRead, Scopes.SegmentsWrite], ct)).Secret;
            LoadResult result;
            DateTimeOffset started;
            await using (var server = await ServerChild.StartAsync(options.ServerDll, ["--data", folder.FullName, $"--Segments:RealTime={realTime}"]))
            {
                using (var admin = new HttpClient { BaseAddress = server.Address })
                {
                    admin.DefaultRequestHeaders.Authorization = new("Bearer", secretKey);
                    for (var i = 0; i < Definitions.Length; i++)
                    {
                        using var response = await admin.PostAsJsonAsync("/api/segments", new { name = $"W3 {i}", text = Definitions[i] }, ct);
                        response.EnsureSuccessStatusCode();
                    }
                }

                using var load = new HttpLoad(server.Address, writeKey, options.Connections);
                await load.RunAsync("/v1/batch", warmup, IngestOptions.BatchSize, ct);
                started = TimeProvider.System.GetUtcNow();
                var before = server.ProcessorTime;
                result = await load.RunAsync("/v1/batch", batches, IngestOptions.BatchSize, ct, rate);
                var loaded = server.ProcessorTime;
                await WaitCaughtUpAsync(database, realTime, ct);
                // The server's processor time per event, for the load and until membership caught up with it: on two
                // shared cores the events/s alone says little of where the time went.
                var events = (double)options.Events;
                var caughtUp = server.ProcessorTime;
                Console.WriteLine($"  membership {(realTime ? "on" : "off")}: {result.EventsPerSecond:N0} events/s, "
                    + $"ack p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {result.Failures} failed; server processor "
                    + $"{(loaded - before).TotalSeconds:0.00} s during the load ({(loaded - before).TotalMicroseconds / events:0} µs per event), "
                    + $"{(caughtUp - before).TotalSeconds:0.00} s until caught up ({(caughtUp - before).TotalMicroseconds / events:0} µs per event)");
            }

            return (result, realTime ? await LagsAsync(database, started, ct) : []);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Per Segment Entered event of the timed phase: its stated time is the commit stamp of the change that made the
    /// customer enter (taken just before that commit, so just before the events' acknowledgement), and its received
    /// time the moment the evaluator handed it to the writer.
    /// </summary>
    private static async Task<List<double>> LagsAsync(Database database, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<double>(new CommandDefinition(
            "SELECT CAST(received_at - ts AS REAL) FROM events WHERE name = 'Segment Entered' AND ts >= @since",
            new { since = since.ToUnixTimeMilliseconds() }, cancellationToken: ct))];
    }

    private static async Task WaitCaughtUpAsync(Database database, bool realTime, CancellationToken ct)
    {
        var feed = new Kizuna.Work.Changes.ChangeFeed(database, TimeProvider.System, []);
        while (realTime && (await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "segments") is not { Behind: 0 })
        {
            await Task.Delay(100, ct);
        }
    }

    private static string Lags(List<double> lags)
    {
        lags.Sort();
        return $"{Percentile(lags, 0.50):0} / {Percentile(lags, 0.99):0} / {(lags.Count > 0 ? lags[^1] : 0):0} | {lags.Count:N0}";
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
