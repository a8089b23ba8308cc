using Dapper;
using Kizuna.Bench.Campaigns;
using Kizuna.Storage;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Bench.Journeys;

/// <summary>
/// W5 (docs/BENCHMARKS.md): journeys on server processes driven over HTTP. Part A: live journeys triggered by events
/// sent at a steady rate, and per event the time from its acknowledgement to its message row in the outbox. Part B:
/// a million entries waiting on timers, some of which come due (spread evenly, then all at once): how late each fired
/// and how many steps a second the engine took, against the store's raw insert rate of the same rows in the same run.
/// On SQLite (one server) and on PostgreSQL (<c>--servers</c> processes sharing the database).
/// </summary>
public static class JourneyBenchmark
{
    public static async Task<int> RunAsync(JourneyBenchOptions options)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"W5 journeys: {Environment.ProcessorCount} cores, load {Load()}, started {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        var triggers = new List<string>();
        var timers = new List<string>();
        if (!options.SkipSqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kizuna-w5-");
            try
            {
                var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
                await MeasureAsync("SQLite", database, ["--data", folder.FullName], 1, options, triggers, timers, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }

        if (options.Postgres is { } server)
        {
            var name = "kizuna_w5_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var database = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
            try
            {
                await MeasureAsync("PostgreSQL", database, ["--postgres", connectionString], options.Servers, options, triggers, timers, ct);
            }
            finally
            {
                await database.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        Console.WriteLine();
        if (options.PartA)
        {
            Console.WriteLine($"Part A: {options.Journeys} live journeys (message → delay 7d → exit), {options.Events:N0} triggering events at {options.Rate:N0}/s in requests of {options.Batch}");
            Console.WriteLine("| store | servers | events/s sent | ack p50 / p99 (ms) | ack → outbox row p50 / p99 / max (ms) | messages | load average |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
            triggers.ForEach(Console.WriteLine);
        }

        if (options.PartB)
        {
            Console.WriteLine($"Part B: {options.Waiting:N0} entries waiting on a delay (→ exit: 2 steps each when it fires)");
            Console.WriteLine("| store | servers | raw insert rows/s (entries + timers) | due | how | fired | lateness p50 / p99 / max (ms) | steps/s | steps/s ÷ raw rows/s | load average |");
            Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---|");
            timers.ForEach(Console.WriteLine);
        }

        Console.WriteLine($"load average at the end {Load()}");
        return 0;
    }

    private static async Task MeasureAsync(
        string store, Database database, IReadOnlyList<string> storage, int servers, JourneyBenchOptions options,
        List<string> triggers, List<string> timers, CancellationToken ct)
    {
        Console.WriteLine($"\n{store}, {servers} server process(es): preparing; load {Load()}");
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("w5", "W5", ct);
        var keys = new ApiKeyService(database, TimeProvider.System);
        var writeKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "W5 load", [], ct)).Secret;
        var secret = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "W5", [Scopes.JourneysRead, Scopes.JourneysWrite], ct)).Secret;
        var library = new TemplateLibrary(new TemplateStore(database, TimeProvider.System), TemplateService.CreateDefault());
        var template = (await library.CreateAsync(workspace.Id, TemplateKind.Template, "w5", new TemplateDraft("<p>Thanks for {{ data.entry_event }}.</p>", "Hello"), "bench", ct)).Template!;
        var groupOptions = CampaignBenchOptions.Parse(["--server", options.ServerDll]);
        await using var sink = new CountingSmtpSink(options.Events);
        long timerJourney;
        await using (var group = await ServerGroup.StartAsync(groupOptions, storage, servers, sink.Port))
        {
            using var api = new JourneyApiClient(group.Servers[0].Address, secret);
            timerJourney = await api.LaunchAsync("W5 timers", new
            {
                entry = new { kind = "api" },
                nodes = new object[] { new { id = "d", kind = "delay", duration = "30d", next = "x" }, new { id = "x", kind = "exit" } },
            }, ct);
            if (options.PartA)
            {
                triggers.Add(await TriggerLatency.MeasureAsync(store, database, group, api, writeKey, workspace.Id, template.Id, options, ct));
            }
        }

        if (options.PartB)
        {
            timers.AddRange(await TimerBacklog.MeasureAsync(store, database, storage, servers, groupOptions, sink.Port, workspace.Id, timerJourney, options, ct));
        }
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
