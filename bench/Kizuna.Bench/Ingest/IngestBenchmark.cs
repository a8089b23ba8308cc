using System.Globalization;
using System.Text;
using Dapper;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Bench.Ingest;

/// <summary>
/// W1 (docs/BENCHMARKS.md): batched ingestion over HTTP into a server running in its own process, against the
/// raw batched-insert rate of the same rows into the same database, then single-event requests; on SQLite, and
/// on PostgreSQL when a connection string is given.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(IngestOptions options)
    {
        var ct = CancellationToken.None;
        var run = "w1-" + Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"W1 batched ingestion: {options.Events:N0} events in 100-event batches, {options.Singles:N0} single events, "
            + $"{options.Connections} keep-alive connections, {options.Profiles:N0} profiles, "
            + (options.ActiveVisitors > 0 ? $"{options.ActiveVisitors:N0} visitors active at a time" : "every event from a random profile")
            + $", {Environment.ProcessorCount} cores");
        var events = SegmentLoad.Generate(run, options.Events, options.Profiles, options.ActiveVisitors, seed: 1);
        var batches = SegmentLoad.Batches(events);
        var singles = SegmentLoad.Generate(run + "-single", options.Singles, options.Profiles, options.ActiveVisitors, seed: 2, tracksOnly: true).Select(e => Encoding.UTF8.GetBytes(e.Json)).ToArray();
        var warmup = SegmentLoad.Batches(SegmentLoad.Generate(run + "-warmup", options.Warmup, options.Profiles, options.ActiveVisitors, seed: 3));
        var rows = new List<string[]>();

        if (!options.SkipSqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kizuna-w1-");
            try
            {
                var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
                rows.Add(await MeasureAsync("SQLite", database, ["--data", folder.FullName], options, events, batches, singles, warmup, ct));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }

        if (options.Postgres is { } server)
        {
            var name = "kizuna_w1_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var database = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
            try
            {
                rows.Add(await MeasureAsync("PostgreSQL", database, ["--postgres", connectionString], options, events, batches, singles, warmup, ct));
            }
            finally
            {
                await database.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await DropDatabaseAsync(server, name);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| store | batched events/s | raw insert rows/s | ratio | batch ack p50 / p99 (ms) | single events/s | single ack p50 / p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        return 0;
    }

    private static async Task<string[]> MeasureAsync(string store, Database database, IReadOnlyList<string> storageArguments, IngestOptions options,
        IReadOnlyList<BenchEvent> events, IReadOnlyList<byte[]> batches, IReadOnlyList<byte[]> singles, IReadOnlyList<byte[]> warmup, CancellationToken ct)
    {
        Console.WriteLine($"\n{store}: preparing");
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("w1", "W1", ct);
        var writeKey = (await new ApiKeyService(database, TimeProvider.System).CreateAsync(workspace.Id, ApiKeyKind.Write, "W1 load", [], ct)).Secret;

        LoadResult batched, single;
        await using (var server = await ServerChild.StartAsync(options.ServerDll, storageArguments))
        {
            using var load = new HttpLoad(server.Address, writeKey, options.Connections);
            await load.RunAsync("/v1/batch", warmup, IngestOptions.BatchSize, ct);
            var (serverBefore, loadBefore) = (server.ProcessorTime, Environment.CpuUsage.TotalTime);
            batched = await load.RunAsync("/v1/batch", batches, IngestOptions.BatchSize, ct);
            Report(store, "batched", batched);
            Console.WriteLine($"  processor time per event: server {PerEvent(server.ProcessorTime - serverBefore, batched):0.0} µs, "
                + $"load generator {PerEvent(Environment.CpuUsage.TotalTime - loadBefore, batched):0.0} µs "
                + $"(the machine has {Environment.ProcessorCount * 1e6 / batched.EventsPerSecond:0.0} µs per event at this rate)");
            single = await load.RunAsync("/v1/track", singles, 1, ct);
            Report(store, "single", single);
        }

        await using (var connection = await database.OpenAsync(ct))
        {
            var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events WHERE workspace_id = @id", new { id = workspace.Id });
            var profiles = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM profiles WHERE workspace_id = @id", new { id = workspace.Id });
            Console.WriteLine($"  stored {stored:N0} events on {profiles:N0} profiles (expected {warmup.Count * IngestOptions.BatchSize + events.Count + singles.Count:N0} events)");
        }

        Console.WriteLine($"  {store}: raw batched insert of the same rows");
        var raw = await RawInsertBaseline.MeasureAsync(database, events, ct);
        Console.WriteLine($"  raw: {raw.MultiRowPerSecond:N0} rows/s as 100-row INSERTs, {raw.SingleRowPerSecond:N0} rows/s as 100 one-row INSERTs per transaction");
        return
        [
            store, F(batched.EventsPerSecond), F(raw.BestPerSecond), (batched.EventsPerSecond / raw.BestPerSecond).ToString("0.00", CultureInfo.InvariantCulture),
            $"{batched.P50Ms:0.0} / {batched.P99Ms:0.0}", F(single.EventsPerSecond), $"{single.P50Ms:0.00} / {single.P99Ms:0.00}",
        ];
    }

    private static void Report(string store, string phase, LoadResult result) =>
        Console.WriteLine($"  {store} {phase}: {result.EventsPerSecond:N0} events/s ({result.RequestsPerSecond:N0} requests/s, {result.Failures} failed), "
            + $"ack p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, {result.Elapsed.TotalSeconds:0.0} s");

    private static double PerEvent(TimeSpan processorTime, LoadResult result) => processorTime.TotalMicroseconds / result.Events;

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Autovacuum may still be working in the database just filled; it is not ours to terminate, so wait for it.
    private static async Task DropDatabaseAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
            {
                await Task.Delay(1000);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Console.Error.WriteLine($"  could not drop {name}: {e.MessageText}");
                return;
            }
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
