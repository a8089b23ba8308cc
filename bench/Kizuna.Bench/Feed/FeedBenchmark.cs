using System.Globalization;
using Dapper;
using Kizuna.Bench.Ingest;
using Kizuna.Storage;
using Kizuna.Work.Changes;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Bench.Feed;

/// <summary>
/// The change feed under W1 (docs/BENCHMARKS.md): the batched phase of W1 against a server without a consumer and
/// against one writing the event archive, in the same run, and the archive's lag per change (from the change's
/// commit stamp to its file written) over the timed phase; on SQLite, and on PostgreSQL when a connection string is given.
/// </summary>
public static class FeedBenchmark
{
    public static async Task<int> RunAsync(IngestOptions options)
    {
        var ct = CancellationToken.None;
        var run = "feed-" + Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"Change feed under W1: {options.Events:N0} events in 100-event batches, {options.Connections} connections, "
            + $"{options.Profiles:N0} profiles, {options.ActiveVisitors:N0} visitors active, {Environment.ProcessorCount} cores");
        var batches = SegmentLoad.Batches(SegmentLoad.Generate(run, options.Events, options.Profiles, options.ActiveVisitors, seed: 1));
        var warmup = SegmentLoad.Batches(SegmentLoad.Generate(run + "-warmup", 50_000, options.Profiles, options.ActiveVisitors, seed: 3));
        var rows = new List<string>();
        // Two rounds, each a pair back to back, so a load that comes and goes on the machine shows as a spread.
        for (var round = 0; round < 2; round++)
        {
            if (!options.SkipSqlite)
            {
                rows.Add(await CompareAsync("SQLite", null, options, batches, warmup, ct));
            }

            if (options.Postgres is { } server)
            {
                rows.Add(await CompareAsync("PostgreSQL", server, options, batches, warmup, ct));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| store | events/s without a consumer | events/s with the archive | ratio | lag per change p50 / p99 / max (ms) | changes | sampled ConsumerLag p50 / p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(r => Console.WriteLine(r));
        return 0;
    }

    private static async Task<string> CompareAsync(string store, string? postgres, IngestOptions options, IReadOnlyList<byte[]> batches, IReadOnlyList<byte[]> warmup, CancellationToken ct)
    {
        var without = await MeasureAsync(store, postgres, archive: false, options, batches, warmup, ct);
        var with = await MeasureAsync(store, postgres, archive: true, options, batches, warmup, ct);
        var lags = with.Lags.Order().ToList();
        var sampled = with.Sampled.Order().ToList();
        return $"| {store} | {without.Load.EventsPerSecond:N0} | {with.Load.EventsPerSecond:N0} | {with.Load.EventsPerSecond / without.Load.EventsPerSecond:0.00} | "
            + $"{Percentile(lags, 0.50):0} / {Percentile(lags, 0.99):0} / {(lags.Count > 0 ? lags[^1] : 0):0} | {lags.Count:N0} | "
            + $"{Percentile(sampled, 0.50):0} / {Percentile(sampled, 0.99):0} |";
    }

    private static async Task<(LoadResult Load, List<double> Lags, List<double> Sampled)> MeasureAsync(
        string store, string? postgres, bool archive, IngestOptions options, IReadOnlyList<byte[]> batches, IReadOnlyList<byte[]> warmup, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kizuna-feed-");
        var archiveFolder = Path.Combine(folder.FullName, "archive");
        var name = "kizuna_feed_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = postgres is null ? null : new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
        if (postgres is not null)
        {
            await ExecuteAsync(postgres, $"CREATE DATABASE {name}");
        }

        Database database = connectionString is null
            ? new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName })
            : new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
        try
        {
            await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
            var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("feed", "Feed", ct);
            var writeKey = (await new ApiKeyService(database, TimeProvider.System).CreateAsync(workspace.Id, ApiKeyKind.Write, "Feed load", [], ct)).Secret;
            List<string> arguments = connectionString is null ? ["--data", folder.FullName] : ["--postgres", connectionString];
            if (archive)
            {
                arguments.Add($"--Archive:Folder={archiveFolder}");
            }

            LoadResult result;
            DateTimeOffset started;
            var sampled = new List<double>();
            await using (var server = await ServerChild.StartAsync(options.ServerDll, arguments))
            {
                using var load = new HttpLoad(server.Address, writeKey, options.Connections);
                await load.RunAsync("/v1/batch", warmup, IngestOptions.BatchSize, ct);
                started = TimeProvider.System.GetUtcNow();
                using var sampling = new CancellationTokenSource();
                var sampler = archive ? SampleLagAsync(new ChangeFeed(database, TimeProvider.System, []), sampled, sampling.Token) : Task.CompletedTask;
                result = await load.RunAsync("/v1/batch", batches, IngestOptions.BatchSize, ct);
                await sampling.CancelAsync();
                await sampler;
                Console.WriteLine($"  {store} {(archive ? "with the archive" : "without a consumer")}: {result.EventsPerSecond:N0} events/s, "
                    + $"ack p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {result.Failures} failed");
                if (archive)
                {
                    await new ChangeFeed(database, TimeProvider.System, []).WaitForArchiveAsync(ct);
                }
            }

            return (result, archive ? await LagsAsync(database, archiveFolder, started, ct) : [], sampled);
        }
        finally
        {
            if (database is PostgresDatabase pg)
            {
                await pg.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Per change committed in the timed phase: from its commit stamp to the moment its archive file was written.</summary>
    private static async Task<List<double>> LagsAsync(Database database, string archiveFolder, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var committed = (await connection.QueryAsync<(long Id, long CommittedAt)>("SELECT id, committed_at FROM changes WHERE committed_at >= @since",
            new { since = since.ToUnixTimeMilliseconds() })).ToDictionary(r => r.Id, r => r.CommittedAt);
        var lags = new List<double>();
        foreach (var file in Directory.EnumerateFiles(archiveFolder, "*.ndjson", SearchOption.AllDirectories))
        {
            var id = long.Parse(Path.GetFileNameWithoutExtension(file).Split('-')[1], CultureInfo.InvariantCulture);
            if (committed.TryGetValue(id, out var at))
            {
                lags.Add((new DateTimeOffset(File.GetLastWriteTimeUtc(file)) - DateTimeOffset.FromUnixTimeMilliseconds(at)).TotalMilliseconds);
            }
        }

        return lags;
    }

    /// <summary>The archive's <see cref="ConsumerLag.Lag"/> as operations see it, every 50 ms while the load runs.</summary>
    private static async Task SampleLagAsync(ChangeFeed feed, List<double> samples, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if ((await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "archive") is { } lag)
                {
                    samples.Add(lag.Lag.TotalMilliseconds);
                }

                await Task.Delay(50, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // the load ended
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task WaitForArchiveAsync(this ChangeFeed feed, CancellationToken ct)
    {
        while ((await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "archive") is not { Behind: 0 })
        {
            await Task.Delay(100, ct);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
