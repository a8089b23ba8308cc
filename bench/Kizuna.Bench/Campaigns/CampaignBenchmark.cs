using System.Diagnostics;
using System.Globalization;
using Dapper;
using Kizuna.Bench.Messaging;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// W4c (docs/BENCHMARKS.md): W4's personalised email as a campaign to N customers, sent by real server processes (one
/// on SQLite, <c>--servers</c> sharing one PostgreSQL database), paused, resumed and cancelled mid-send through the
/// HTTP API, every message counted per recipient at a counting SMTP sink; then a raw blast of the same messages to the
/// same sink as the baseline.
/// </summary>
public static class CampaignBenchmark
{
    public static async Task<int> RunAsync(CampaignBenchOptions options)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"W4c campaign pause/resume/cancel: {options.Recipients:N0} recipients, pause at {options.PauseAt:P0}, cancel at {options.CancelAt:P0}, "
            + $"hold {options.Hold} s, pool {options.Pool}, batch {options.Batch} in parts of {options.Part}, {Environment.ProcessorCount} cores, load {Load()}");
        var rows = new List<string>();
        if (!options.SkipSqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kizuna-w4c-");
            try
            {
                var database = new SqliteDatabase(new StorageOptions { DataDirectory = folder.FullName });
                rows.AddRange(await MeasureAsync("SQLite", database, ["--data", folder.FullName], 1, options, ct));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }

        if (options.Postgres is { } server)
        {
            var name = "kizuna_w4c_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var database = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = connectionString });
            try
            {
                rows.AddRange(await MeasureAsync("PostgreSQL", database, ["--postgres", connectionString], options.Servers, options, ct));
            }
            finally
            {
                await database.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end {Load()}");
        Console.WriteLine("| store | servers | recipients | campaign | sent | send /s | raw blast /s | send / raw | after the pause/cancel call (messages, s) | resume → next message | recipients twice | same Message-ID twice | lost | server CPU ms a message | peak resident per server |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<IEnumerable<string>> MeasureAsync(string store, Database database, IReadOnlyList<string> storage, int servers, CampaignBenchOptions options, CancellationToken ct)
    {
        Console.WriteLine($"\n{store}, {servers} server process(es): preparing");
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("w4c", "W4c", ct);
        var keys = new ApiKeyService(database, TimeProvider.System);
        var writeKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "W4c load", [], ct)).Secret;
        var secret = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "W4c", [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.SegmentsRead, Scopes.SegmentsWrite, Scopes.CampaignsRead, Scopes.CampaignsWrite], ct)).Secret;

        await using var sink = new CountingSmtpSink(options.Recipients);
        await using var group = await ServerGroup.StartAsync(options, storage, servers, sink.Port);
        using var api = new CampaignApiClient(group.Servers[0].Address, secret);
        await CampaignAudience.LoadAsync(group.Servers, writeKey, database, workspace.Id, options.Recipients, ct);
        var segment = await api.CreateSegmentAsync("w4c_customers", $"trait.cohort = \"{CampaignAudience.Cohort}\"", ct);
        await api.WaitForSegmentAsync(segment, options.Recipients, ct);
        var (subject, html) = BenchEmail.Over("customer.traits");
        var template = await api.CreateTemplateAsync("w4c_weekly", subject, html, ct);
        Console.WriteLine($"  segment {segment} of {options.Recipients:N0} customers, template {template}; load {Load()}");

        var phases = new CampaignPhases(api, sink, group, options);
        var run = options.SkipPause ? null : await phases.PauseResumeAsync(template, segment, ct);
        if (run is not null)
        {
            Console.WriteLine($"  pause and resume: {run}");
        }

        var cancel = await phases.CancelAsync(template, segment, ct);
        Console.WriteLine($"  cancel: {cancel}");
        var memory = string.Join(" / ", group.Memory.Select(m => $"{m.PeakResidentMb:N0} MB"));
        Console.WriteLine($"  servers: {string.Join("; ", group.Memory)}");
        var cancelRow = I($"| {store} | {servers} | {options.Recipients:N0} | cancelled at {options.CancelAt:P0}, {cancel.State} | {cancel.AtCancel + cancel.AfterCancel:N0} (report {cancel.Report.Sent:N0}) | | | | cancel: {cancel.AfterCancel:N0}, {cancel.CancelLatencySeconds:0.0} s | | {cancel.Tally.More:N0} | {cancel.SameMessageId:N0} | {cancel.Lost:N0} | | {memory} |");
        if (run is null)
        {
            return [cancelRow];
        }

        var samples = sink.Samples.ToList();
        sink.Reset();
        var blast = Math.Min(options.Recipients, 20_000);
        var clock = Stopwatch.StartNew();
        await EmailBenchmark.BlastAsync(sink.Port, samples, options.Pool, blast, ct);
        var raw = blast / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  raw MailKit blast of {samples.Count:N0} of the same messages to the same sink: {raw:N0} messages/s ({blast:N0} in {clock.Elapsed.TotalSeconds:0.0} s)");
        var cpu = run.Cpu.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var senders = string.Join(", ", run.BySender.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"));
        return
        [
            I($"| {store} | {servers} | {options.Recipients:N0} | paused at {options.PauseAt:P0}, resumed, {run.State} ({senders}) | {run.Received:N0} | {run.PerSecond:N0} | {raw:N0} | {run.PerSecond / raw:0.00} | pause: {run.AfterPause:N0}, {run.PauseLatencySeconds:0.0} s | {run.ResumeLatencySeconds:0.0} s | {run.Tally.More:N0} | {run.SameMessageId:N0} | {run.Tally.None:N0} | {cpu.TotalMilliseconds / Math.Max(1, run.Received):0.00} | {memory} |"),
            cancelRow,
        ];
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
