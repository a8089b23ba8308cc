using System.Globalization;
using Kizuna.Storage;
using Kizuna.Work;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kizuna.Bench.Jobs;

/// <summary>
/// W6 (docs/BENCHMARKS.md): jobs enqueued, claimed and completed per second in batches, on SQLite with one node and
/// on PostgreSQL with two nodes (two queues on two connection pools), against a bare insert, update and delete of
/// the same rows measured in the same run.
/// </summary>
public static class JobsBenchmark
{
    public static async Task<int> RunAsync(JobsOptions options)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"W6 job queue: {options.Jobs:N0} jobs in batches of {options.Batch}, {Environment.ProcessorCount} cores");
        var rows = new List<string[]>();
        if (!options.SkipSqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kizuna-w6-");
            try
            {
                var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
                rows.Add(await MeasureAsync("SQLite, 1 node", [database], options, ct));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }

        if (options.Postgres is { } server)
        {
            var name = "kizuna_w6_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var first = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
            var second = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
            try
            {
                rows.Add(await MeasureAsync("PostgreSQL, 2 nodes", [first, second], options, ct));
            }
            finally
            {
                await first.DisposeAsync();
                await second.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| store | jobs/s (enqueue + claim + complete) | enqueue/s | claim + complete/s | bare rows/s | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        return 0;
    }

    private static async Task<string[]> MeasureAsync(string store, IReadOnlyList<Database> nodes, JobsOptions options, CancellationToken ct)
    {
        Console.WriteLine($"\n{store}: preparing");
        await new Migrator(nodes[0], TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var queues = nodes.Select(d => new JobQueue(d, new NodeIdentity(), new JobSignal(), [], Options.Create(new JobOptions()), TimeProvider.System)).ToList();
        await QueueLoad.RunAsync(queues, "warmup", options with { Jobs = Math.Min(options.Jobs, 20_000) }, ct);

        var queue = await QueueLoad.RunAsync(queues, "w6", options, ct);
        Console.WriteLine($"  queue: {queue.PerSecond:N0} jobs/s (enqueue {queue.EnqueuePerSecond:N0}/s in {queue.Enqueue.TotalSeconds:0.0} s, "
            + $"claim + complete {queue.ClaimCompletePerSecond:N0}/s in {queue.ClaimComplete.TotalSeconds:0.0} s)");
        var bare = await BareBaseline.RunAsync(nodes, options, ct);
        Console.WriteLine($"  bare insert + update + delete: {bare.PerSecond:N0} rows/s (insert {bare.EnqueuePerSecond:N0}/s, update + delete {bare.ClaimCompletePerSecond:N0}/s)");
        return [store, F(queue.PerSecond), F(queue.EnqueuePerSecond), F(queue.ClaimCompletePerSecond), F(bare.PerSecond),
            (queue.PerSecond / bare.PerSecond).ToString("0.00", CultureInfo.InvariantCulture)];
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
