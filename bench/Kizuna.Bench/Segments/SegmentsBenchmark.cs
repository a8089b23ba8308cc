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
        var postgresName = "kizuna_w3_" + Guid.NewGuid().ToString("N")[..8];
        var stores = new List<(string Name, Database Database)>();
        try
        {
            var sqlite = options.SkipSqlite ? null : new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
            PostgresDatabase? postgres = null;
            string? postgresConnection = null;
            if (options.Postgres is { } server)
            {
                await ExecuteAsync(server, $"CREATE DATABASE {postgresName}");
                postgresConnection = new NpgsqlConnectionStringBuilder(server) { Database = postgresName }.ConnectionString;
                postgres = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = postgresConnection });
            }

            await using var duck = options.SkipDuck ? null : new DuckStore(Path.Combine(folder.FullName, "w3.duckdb"));
            foreach (var (name, database) in new (string, Database?)[] { ("SQLite", sqlite), ("PostgreSQL", postgres) })
            {
                if (database is not null)
                {
                    await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
                    stores.Add((name, database));
                }
            }

            await GenerateAsync(options, folder, stores, duck, postgresConnection);
            var rows = W3Segments.All.Select(s => new List<string> { s.Name }).ToList();
            var totals = new List<string> { "**all ten**" };
            foreach (var (name, database) in stores)
            {
                var (seconds, counts) = await MeasureAsync(name, database, options.Runs, ct);
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Add($"{seconds[i]:0.00} s ({counts[i]:N0})");
                }

                totals.Add($"**{seconds.Sum():0.0} s**");
            }

            if (duck is not null)
            {
                var (seconds, counts) = MeasureDuck(duck, options.Runs);
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Add($"{seconds[i]:0.00} s ({counts[i]:N0})");
                }

                totals.Add($"**{seconds.Sum():0.0} s**");
            }

            Console.WriteLine();
            Console.WriteLine("| segment | " + string.Join(" | ", stores.Select(s => s.Name).Concat(duck is null ? [] : ["DuckDB"])) + " |");
            Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", stores.Count + (duck is null ? 0 : 1))));
            foreach (var row in rows.Append(totals))
            {
                Console.WriteLine("| " + string.Join(" | ", row) + " |");
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
            if (options.Postgres is { } server)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
            }

            if (options.Folder is null)
            {
                folder.Delete(recursive: true);
            }
        }
    }

    private static async Task GenerateAsync(SegmentsOptions options, DirectoryInfo folder, List<(string Name, Database Database)> stores, DuckStore? duck, string? postgresConnection)
    {
        var clock = Stopwatch.StartNew();
        var sinks = new List<(IRowSink Sink, StoreKind Kind)>();
        foreach (var (_, database) in stores)
        {
            sinks.Add(database is PostgresDatabase
                ? (new PostgresSink(postgresConnection!), StoreKind.Postgres)
                : (new SqliteSink(Path.Combine(folder.FullName, "kizuna.db")), StoreKind.Sqlite));
        }

        long events = 0;
        var written = 0;
        foreach (var profile in W3Generator.Profiles(options.Profiles))
        {
            foreach (var (sink, kind) in sinks)
            {
                await StoreRows.WriteAsync(sink, profile, kind, json: kind == StoreKind.Postgres);
            }

            duck?.Write(profile);
            events += profile.Events.Count;
            if (++written % 50_000 == 0)
            {
                foreach (var (sink, _) in sinks)
                {
                    await sink.FlushAsync();
                }

                Console.WriteLine($"  generated {written:N0} profiles, {events:N0} events ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }

        foreach (var (sink, _) in sinks)
        {
            await sink.DisposeAsync();
        }

        duck?.Complete();
        Console.WriteLine($"  generated {written:N0} profiles and {events:N0} events in {clock.Elapsed.TotalSeconds:0} s; analysing");
        foreach (var (_, database) in stores)
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(database.Kind == StoreKind.Postgres ? "VACUUM ANALYZE" : "ANALYZE", commandTimeout: 3600, commandType: System.Data.CommandType.Text));
        }
    }

    private static async Task<(double[] Seconds, long[] Counts)> MeasureAsync(string name, Database database, int runs, CancellationToken ct)
    {
        var compiler = new SegmentSqlCompiler(database.Dialect);
        var seconds = new double[W3Segments.All.Count];
        var counts = new long[W3Segments.All.Count];
        for (var run = 1; run <= runs; run++)
        {
            for (var i = 0; i < W3Segments.All.Count; i++)
            {
                var definition = SegmentDefinition.FromText(W3Segments.All[i].Definition).Condition!;
                var query = compiler.Compile(definition, 1, W3Generator.Now);
                var clock = Stopwatch.StartNew();
                await using var connection = await database.OpenAsync(ct);
                counts[i] = (await connection.QueryAsync<long>(new CommandDefinition(query.Sql, query.Parameters, commandTimeout: 3600, cancellationToken: ct))).LongCount();
                seconds[i] = clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine($"  {name} run {run}: {seconds.Sum():0.00} s ({string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})");
        }

        return (seconds, counts);
    }

    private static (double[] Seconds, long[] Counts) MeasureDuck(DuckStore duck, int runs)
    {
        var seconds = new double[W3Segments.All.Count];
        var counts = new long[W3Segments.All.Count];
        for (var run = 1; run <= runs; run++)
        {
            for (var i = 0; i < W3Segments.All.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                counts[i] = duck.Count(W3Segments.All[i].DuckSql);
                seconds[i] = clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine($"  DuckDB run {run}: {seconds.Sum():0.00} s ({string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})");
        }

        return (seconds, counts);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
