using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kizuna.Analytics;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Metrics;
using Kizuna.Analytics.Scores;
using Kizuna.Imports;
using Kizuna.Profiles;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// W7 (docs/BENCHMARKS.md): the full analytics computation on the imported Online Retail history beside the same
/// computations in pandas and DuckDB, then every dashboard read on a synthetic store of up to 1,000,000 customers
/// and 10,000,000 orders.
/// </summary>
public static class AnalyticsBenchmark
{
    private static readonly OverviewPeriod RetailYear = new(new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9));

    public static async Task<int> RunAsync(AnalyticsOptions options)
    {
        Console.WriteLine($"W7 analytics: {options.Runs} timed runs per suite (median), {Environment.ProcessorCount} cores");
        if (!options.SkipRetail)
        {
            if (options.File is not { } file)
            {
                Console.Error.WriteLine("shared/data/online_retail.csv was not found above the working folder; pass --file.");
                return 2;
            }

            await RetailAsync(file, options);
        }

        if (options.Scale > 0)
        {
            await SyntheticAsync(options);
        }

        return 0;
    }

    private static async Task RetailAsync(string file, AnalyticsOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("kizuna-w7-");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Path.Combine(folder.FullName, "store") });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddKizunaCore();
            builder.Services.AddKizunaImports();
            using var host = builder.Build();
            await host.StartAsync();
            var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync("w7-retail", "Online Retail", CancellationToken.None);
            var mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(MappingFile()));
            var watch = Stopwatch.StartNew();
            var report = await host.Services.GetRequiredService<ImportService>().ImportAsync(workspace.Id, file, mapping, null, CancellationToken.None);
            Console.WriteLine($"import: {report.Orders:N0} orders, {report.Customers:N0} customers in {watch.Elapsed.TotalSeconds:N1} s (not part of the comparison)");

            var kizuna = new KizunaSuite(host.Services, workspace.Id, RetailYear, "United Kingdom");
            var kizunaMs = await Timing.MedianMsAsync(options.Runs, kizuna.RunAsync);
            var baskets = host.Services.GetRequiredService<BasketService>();
            var france = new MetricsQuery(workspace.Id, RetailYear, MetricsScope.Trait("country", "France"));
            var all = new MetricsQuery(workspace.Id, RetailYear, MetricsScope.Workspace);
            var franceMs = await Timing.MedianMsAsync(options.Runs, () => baskets.AnalyseAsync(france, new BasketSettings(0.07, MaxItems: 10), CancellationToken.None));
            BasketAnalysis? whole = null;
            var wholeMs = await Timing.MedianMsAsync(options.Runs, async () => whole = await baskets.AnalyseAsync(all, new BasketSettings(0.02), CancellationToken.None));

            var exported = Path.Combine(folder.FullName, "export");
            Directory.CreateDirectory(exported);
            await StoreExport.WriteAsync(host.Services.GetRequiredService<Database>(), workspace.Id, exported);
            await host.StopAsync();

            var since = Epoch.DayStart(RetailYear.From.DayNumber - new DateOnly(1970, 1, 1).DayNumber);
            var until = Epoch.DayStart(RetailYear.To.DayNumber - new DateOnly(1970, 1, 1).DayNumber + 1);
            using var duck = new DuckDbSuite(exported, since, until, "United Kingdom");
            var duckMs = await Timing.MedianMsAsync(options.Runs, duck.RunAsync);
            var pandas = Pandas(options, exported, since, until);

            Console.WriteLine();
            Console.WriteLine("| engine | full computation, median ms | revenue found |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| Kizuna (SQLite) | {kizunaMs:N0} | {kizuna.Last!.Revenue.ToString(CultureInfo.InvariantCulture)} |");
            Console.WriteLine($"| DuckDB {duck.Version} (in memory) | {duckMs:N0} | {duck.Revenue.ToString(CultureInfo.InvariantCulture)} |");
            Console.WriteLine($"| pandas (float64) | {pandas.Ms:N0} | {pandas.Revenue} |");
            Console.WriteLine("Kizuna steps (last run, ms): " + string.Join(", ", kizuna.Steps.Select(s => $"{s.Key} {s.Value:N0}")));
            Console.WriteLine($"Kizuna ÷ DuckDB = {kizunaMs / duckMs:N2}, Kizuna ÷ pandas = {kizunaMs / pandas.Ms:N2}");
            Console.WriteLine($"baskets: France (support 0.07, lift ≥ 1) {franceMs:N0} ms; all {whole!.Baskets:N0} orders (support 0.02) {wholeMs:N0} ms, {whole.TotalRules:N0} rules");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static (double Ms, string Revenue) Pandas(AnalyticsOptions options, string folder, long since, long until)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Analytics", "w7_pandas.py");
        var start = new ProcessStartInfo(options.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, folder, since.ToString(CultureInfo.InvariantCulture), until.ToString(CultureInfo.InvariantCulture), "United Kingdom", options.Runs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"pandas run failed: {error}");
            return (double.NaN, "-");
        }

        var result = JsonDocument.Parse(output).RootElement;
        return (result.GetProperty("median_ms").GetDouble(), result.GetProperty("revenue").GetDouble().ToString("R", CultureInfo.InvariantCulture));
    }

    private static async Task SyntheticAsync(AnalyticsOptions options)
    {
        var (database, _, _) = await SyntheticStore.OpenAsync(Path.Combine(options.Data, options.Scale.ToString(CultureInfo.InvariantCulture)), options.Scale);
        try
        {
            if (!options.SkipRefresh)
            {
                await RefreshStages.RunAsync(database, SyntheticStore.End);
            }

            if (options.SkipReads)
            {
                return;
            }

            var commerce = new CommerceMetricsReader(database);
            var metrics = new MetricsService(database, new OverviewService(database, TimeProvider.System), commerce,
                new NpsReader(database), new EngagementReader(database), new CohortReader(database), new SliceReader(database));
            var scores = new ScoreReader(database, new ProfileValueReader(database));
            var baskets = new BasketService(database);
            var ct = CancellationToken.None;
            MetricsQuery Query(OverviewPreset preset, MetricsScope? scope = null) =>
                new(1, OverviewPeriod.Ending(preset, SyntheticStore.End), scope ?? MetricsScope.Workspace);
            var japan = MetricsScope.Trait("country", "Japan");

            // The refresh stores the 30-day view ending on its own day (today by its clock), as the dashboard opens then.
            var storedMonth = Query(OverviewPreset.Last30Days) with { Period = await StoredMonthAsync(database) ?? Query(OverviewPreset.Last30Days).Period };
            var reads = new (string Name, Func<Task> Read)[]
            {
                ("commerce, 30 days", () => metrics.CommerceAsync(Query(OverviewPreset.Last30Days), ct)),
                ("commerce, 90 days", () => metrics.CommerceAsync(Query(OverviewPreset.Last90Days), ct)),
                ("commerce, 12 months", () => metrics.CommerceAsync(Query(OverviewPreset.Last12Months), ct)),
                ("commerce, 30 days, country = Japan", () => metrics.CommerceAsync(Query(OverviewPreset.Last30Days, japan), ct)),
                ("members: Japan against the rest, 30 days", () => metrics.MembersAsync(Query(OverviewPreset.Last30Days, japan), ct)),
                ("cohorts, 12 months", () => metrics.CohortsAsync(Query(OverviewPreset.Last12Months), ct)),
                ("revenue by country, 30 days", () => metrics.SlicesAsync(Query(OverviewPreset.Last30Days), SliceDimension.Trait, "country", ct)),
                ("revenue by gender, 30 days", () => metrics.SlicesAsync(Query(OverviewPreset.Last30Days), SliceDimension.Trait, "gender", ct)),
                ("revenue by age band, 30 days", () => metrics.SlicesAsync(Query(OverviewPreset.Last30Days), SliceDimension.AgeBand, null, ct)),
                ("revenue by product, 30 days", () => metrics.SlicesAsync(Query(OverviewPreset.Last30Days), SliceDimension.Product, null, ct)),
                ("revenue by product, 12 months", () => metrics.SlicesAsync(Query(OverviewPreset.Last12Months), SliceDimension.Product, null, ct)),
                ("NPS, 90 days", () => metrics.NpsAsync(Query(OverviewPreset.Last90Days), ct)),
                ("engagement, 30 days", () => metrics.EngagementAsync(Query(OverviewPreset.Last30Days), ct)),
                ("RFM grid, segments and CLV distribution (last refresh)", () => scores.SummaryAsync(1, ct)),
                ("one customer's scores (customer 360)", () => scores.ForCustomerAsync(1, 4_242, ct)),
                ("basket rules, 30 days (support 0.01), stored at the refresh", () => baskets.AnalyseAsync(storedMonth, new BasketSettings(0.01), ct)),
                ("basket rules, 30 days (support 0.01), mined now", () => baskets.ComputeAsync(Query(OverviewPreset.Last30Days), new BasketSettings(0.01), ct)),
            };
            Console.WriteLine();
            Console.WriteLine("(a read over 5 s is timed once)");
            Console.WriteLine("| dashboard read (with the period before) | median ms |");
            Console.WriteLine("|---|---:|");
            foreach (var (name, read) in reads)
            {
                Console.WriteLine($"| {name} | {await Timing.MedianMsAsync(Math.Min(options.Runs, 3), read, singleRunMs: 5_000):N0} |");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<OverviewPeriod?> StoredMonthAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT period_from, period_to FROM basket_results WHERE workspace_id = 1 AND period_to - period_from = 29 LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        var epoch = new DateOnly(1970, 1, 1).DayNumber;
        return await reader.ReadAsync()
            ? new OverviewPeriod(DateOnly.FromDayNumber(epoch + (int)reader.GetInt64(0)), DateOnly.FromDayNumber(epoch + (int)reader.GetInt64(1)))
            : null;
    }

    private static string MappingFile()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "examples", "online_retail.mapping.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/examples/online_retail.mapping.json was not found above the working folder.");
    }
}
