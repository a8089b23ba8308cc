using System.Diagnostics;
using System.Globalization;
using Dapper;
using Kizuna.Segments.Definitions;
using Kizuna.Segments.Evaluation;
using Kizuna.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Bench.Segments;

/// <summary>
/// W3 (docs/BENCHMARKS.md): generates the profiles once into SQLite, PostgreSQL (when given) and DuckDB, then times a
/// full recompute of the ten segments by <see cref="SegmentSqlCompiler"/>'s queries against the same ten questions
/// on DuckDB, checking that every engine finds the same number of members.
/// </summary>
public static class SegmentsBenchmark
{
    public static async Task<int> RunAsync(SegmentsOptions options)
    {
        var ct = CancellationToken.None;
        var folder = options.Folder is { } given ? Directory.CreateDirectory(given) : Directory.CreateTempSubdirectory("kizuna-w3-");
        Console.WriteLine($"W3 segments: {options.Profiles:N0} profiles, {Environment.ProcessorCount} cores, data in {folder.FullName}");
        var postgresName = options.Folder is null ? "kizuna_w3_" + Guid.NewGuid().ToString("N")[..8] : $"kizuna_w3_{options.Profiles}";
        var sqliteFolder = Path.Combine(folder.FullName, $"sqlite-{options.Profiles}");
        var duckFolder = Path.Combine(folder.FullName, $"duckdb-{options.Profiles}");
        var stores = new List<(string Name, Database Database)>();
        var loads = new List<Task>();
        try
        {
            SqliteDatabase? sqlite = null;
            if (!options.SkipSqlite)
            {
                var ready = W3Loader.IsReady(sqliteFolder, options.Profiles);
                Fresh(sqliteFolder, keep: ready);
                sqlite = new SqliteDatabase(new StorageOptions { DataDirectory = sqliteFolder });
                await MigrateAsync(sqlite, ct);
                stores.Add(("SQLite", sqlite));
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                loads.Add(ready ? Task.CompletedTask : Task.Run(async () =>
                {
                    await W3Loader.LoadAsync("SQLite", new SqliteSink(Path.Combine(sqliteFolder, "kizuna.db")), StoreKind.Sqlite, options.Profiles);
                    W3Loader.MarkReady(sqliteFolder, options.Profiles);
                }));
            }

            if (options.Postgres is { } server)
            {
                var ready = await W3Loader.IsReadyAsync(server, postgresName, options.Profiles);
                if (!ready && !await ExistsAsync(server, postgresName))
                {
                    await ExecuteAsync(server, $"CREATE DATABASE {postgresName}");
                }

                var connection = new NpgsqlConnectionStringBuilder(server) { Database = postgresName }.ConnectionString;
                var postgres = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connection });
                await MigrateAsync(postgres, ct);
                stores.Add(("PostgreSQL", postgres));
                loads.Add(ready ? Task.CompletedTask : Task.Run(async () =>
                {
                    var from = await PostgresBulkLoad.PrepareAsync(connection);
                    await W3Loader.LoadAsync("PostgreSQL", new PostgresSink(connection), StoreKind.Postgres, options.Profiles, from);
                    await PostgresBulkLoad.FinishAsync(connection);
                    await W3Loader.MarkReadyAsync(server, postgresName, options.Profiles);
                }));
            }

            DuckStore? duck = null;
            if (!options.SkipDuck)
            {
                var ready = W3Loader.IsReady(duckFolder, options.Profiles);
                Fresh(duckFolder, keep: ready);
                duck = new DuckStore(Path.Combine(duckFolder, "w3.duckdb"));
                loads.Add(ready ? Task.CompletedTask : Task.Run(() =>
                {
                    var clock = Stopwatch.StartNew();
                    duck.Load(options.Profiles);
                    W3Loader.MarkReady(duckFolder, options.Profiles);
                    Console.WriteLine($"  DuckDB: ready after {clock.Elapsed.TotalSeconds:0} s");
                }));
            }

            await Task.WhenAll(loads);
            foreach (var (name, database) in options.Explain ? stores : [])
            {
                await W3Explain.PrintAsync(name, database, ct);
            }

            using (duck)
            {
                Report(await MeasureAllAsync(stores, duck, options.Runs, ct), stores, duck is not null);
            }

            return 0;
        }
        finally
        {
            foreach (var (_, database) in stores)
            {
                if (database is PostgresDatabase postgres)
                {
                    await postgres.DisposeAsync();
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (options.Postgres is { } server && !options.Keep)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
            }

            if (!options.Keep)
            {
                if (options.Folder is null)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    Fresh(sqliteFolder, keep: false);
                    Fresh(duckFolder, keep: false);
                    Directory.Delete(sqliteFolder);
                    Directory.Delete(duckFolder);
                }
            }
        }
    }

    private static async Task<List<List<string>>> MeasureAllAsync(List<(string Name, Database Database)> stores, DuckStore? duck, int runs, CancellationToken ct)
    {
        var rows = W3Segments.All.Select(s => new List<string> { s.Name }).ToList();
        var totals = new List<string> { "**all ten**" };
        var results = new List<(double[] Seconds, long[] Counts)>();
        foreach (var (name, database) in stores)
        {
            results.Add(await MeasureAsync(name, database, runs, ct));
        }

        if (duck is not null)
        {
            results.Add(MeasureDuck(duck, runs));
        }

        foreach (var (seconds, counts) in results)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Add($"{seconds[i]:0.00} s ({counts[i]:N0})");
            }

            totals.Add($"**{seconds.Sum():0.0} s**");
        }

        rows.Add(totals);
        return rows;
    }

    private static void Report(List<List<string>> rows, List<(string Name, Database Database)> stores, bool duck)
    {
        Console.WriteLine();
        Console.WriteLine("| segment | " + string.Join(" | ", stores.Select(s => s.Name).Concat(duck ? ["DuckDB"] : [])) + " |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", stores.Count + (duck ? 1 : 0))));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static async Task MigrateAsync(Database database, CancellationToken ct) =>
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);

    /// <summary>An empty folder for a store, unless the store in it is complete and of this size.</summary>
    private static void Fresh(string directory, bool keep)
    {
        if (!keep && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
    }

    private static async Task<(double[] Seconds, long[] Counts)> MeasureAsync(string name, Database database, int runs, CancellationToken ct)
    {
        var compiler = new SegmentSqlCompiler(database.Dialect);
        var seconds = new double[W3Segments.All.Count];
        var counts = new long[W3Segments.All.Count];
        for (var run = 1; run <= runs; run++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < W3Segments.All.Count; i++)
            {
                var definition = SegmentDefinition.FromText(W3Segments.All[i].Definition).Condition!;
                var query = compiler.Compile(definition, 1, W3Generator.Now);
                var clock = Stopwatch.StartNew();
                await using var connection = await database.OpenAsync(ct);
                counts[i] = (await connection.QueryAsync<long>(new CommandDefinition(query.Sql, query.Parameters, commandTimeout: 3600, cancellationToken: ct))).LongCount();
                seconds[i] = clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine($"  {name} run {run}: {seconds.Sum():0.00} s ({string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}){Machine(processor)}");
        }

        return (seconds, counts);
    }

    private static (double[] Seconds, long[] Counts) MeasureDuck(DuckStore duck, int runs)
    {
        var seconds = new double[W3Segments.All.Count];
        var counts = new long[W3Segments.All.Count];
        for (var run = 1; run <= runs; run++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < W3Segments.All.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                counts[i] = duck.Count(W3Segments.All[i].DuckSql);
                seconds[i] = clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine($"  DuckDB run {run}: {seconds.Sum():0.00} s ({string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}){Machine(processor)}");
        }

        return (seconds, counts);
    }

    /// <summary>
    /// This process's processor time since <paramref name="since"/> (SQLite and DuckDB run in it, PostgreSQL does not)
    /// and the load average: on a shared machine, wall time alone says little.
    /// </summary>
    private static string Machine(TimeSpan since)
    {
        var used = Process.GetCurrentProcess().TotalProcessorTime - since;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"; this process used {used.TotalSeconds:0.00} s of processor; load average {load}";
    }

    private static async Task<bool> ExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database });
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
