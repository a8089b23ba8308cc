using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// W4 (docs/BENCHMARKS.md): a personalised ~10 KB email through the outbox (checks, render, CSS inlining, MIME, SMTP
/// over the connection pool, states written back) to postfix's smtp-sink on loopback, against a bare MailKit loop
/// blasting the same rendered messages to the same sink over as many connections.
/// </summary>
public static class EmailBenchmark
{
    public static async Task<int> RunAsync(EmailBenchOptions options)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"W4 email: {options.Messages:N0} messages after {options.Warmup:N0} to warm up, pool {options.Pool}, batch {options.Batch} in parts of {options.Part}, {Environment.ProcessorCount} cores");
        using var sink = await SmtpSinkProcess.StartAsync();
        var folder = Directory.CreateTempSubdirectory("kizuna-w4-");
        try
        {
            using var host = Build(folder.FullName, sink.Port, options);
            await new Migrator(host.Services.GetRequiredService<Database>(), TimeProvider.System, host.Services.GetRequiredService<ILogger<Migrator>>()).MigrateAsync(ct);
            var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync("w4", "W4", ct);
            var template = (await host.Services.GetRequiredService<TemplateLibrary>().CreateAsync(
                workspace.Id, TemplateKind.Template, "weekly", new TemplateDraft(BenchEmail.Html, BenchEmail.Subject), "bench", ct)).Template!;

            var memory = new ProcessMemory();
            var clock = Stopwatch.StartNew();
            var outbox = host.Services.GetRequiredService<OutboxStore>();
            var total = options.Warmup + options.Messages;
            foreach (var chunk in Enumerable.Range(0, total).Chunk(5_000))
            {
                await outbox.QueueAsync([.. chunk.Select(i => new NewMessage(workspace.Id, 0, MessageChannel.Email, "campaign:w4",
                    $"campaign:w4:{i}", template.Id, template.Version, $"r{i}@example.com", BenchEmail.Data(i)))], ct);
                memory.Sample();
            }

            var queued = clock.Elapsed;
            Console.WriteLine($"  queued: {total / queued.TotalSeconds:N0} messages/s ({total:N0} in {queued.TotalSeconds:0.0} s)");

            using var phases = new OutboxPhaseListener(options.Warmup, total);
            await host.StartAsync(ct);
            while (!phases.DoneAsync.IsCompleted)
            {
                await Task.WhenAny(phases.DoneAsync, Task.Delay(500, ct));
                memory.Sample();
            }

            var sending = Stopwatch.GetElapsedTime(phases.Warm.Timestamp, phases.Done.Timestamp);
            var sendCpu = phases.Done.Cpu - phases.Warm.Cpu;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"  outbox: {options.Messages / sending.TotalSeconds:N0} messages/s ({options.Messages:N0} after {options.Warmup:N0} warm-up in {sending.TotalSeconds:0.0} s), CPU {sendCpu.TotalSeconds:0.0} s = {sendCpu.TotalMilliseconds / options.Messages:0.000} ms a message");
            Console.WriteLine($"  phases after the warm-up:\n{phases.Report()}");
            Console.WriteLine($"  peak working set {peak / 1048576.0:N0} MB; {memory}");
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            Console.WriteLine($"  live after a full collection: {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N0} MB");

            clock.Restart();
            var samples = await RenderSamplesAsync(host.Services, template, options, ct);
            Console.WriteLine($"  rendering alone: {samples.Count / clock.Elapsed.TotalSeconds:N0} messages/s on one thread");
            await RenderPartsTiming.PrintAsync(host.Services, ct);
            await host.StopAsync(ct);
            Console.WriteLine($"  message size: {samples.Average(s => s.Length) / 1024.0:N1} KB average");
            var rawCpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            await BlastAsync(sink.Port, samples, options.Pool, options.Messages, ct);
            var raw = clock.Elapsed;
            rawCpu = Process.GetCurrentProcess().TotalProcessorTime - rawCpu;
            Console.WriteLine($"  raw MailKit blast: {options.Messages / raw.TotalSeconds:N0} messages/s ({raw.TotalSeconds:0.0} s), CPU {rawCpu.TotalSeconds:0.0} s = {rawCpu.TotalMilliseconds / options.Messages:0.000} ms a message");
            Console.WriteLine();
            Console.WriteLine("| messages | queue /s | outbox send /s | raw blast /s | outbox / raw | CPU ms a message (outbox / raw) | peak memory |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {options.Messages:N0} | {total / queued.TotalSeconds:N0} | {options.Messages / sending.TotalSeconds:N0} | {options.Messages / raw.TotalSeconds:N0} | {raw.TotalSeconds / sending.TotalSeconds:0.00} | {sendCpu.TotalMilliseconds / options.Messages:0.00} / {rawCpu.TotalMilliseconds / options.Messages:0.00} | {peak / 1048576.0:N0} MB |"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static IHost Build(string folder, int port, EmailBenchOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Messaging:BatchSize"] = options.Batch.ToString(CultureInfo.InvariantCulture),
            ["Messaging:SendPartSize"] = options.Part.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Email:Host"] = "127.0.0.1",
            ["Messaging:Email:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Email:Security"] = "None",
            ["Messaging:Email:PoolSize"] = options.Pool.ToString(CultureInfo.InvariantCulture),
            ["Messaging:Email:FromAddress"] = "shop@example.com",
            ["Jobs:PollInterval"] = "00:00:00.050",
        });
        builder.Services.AddKizunaCore();
        builder.Services.AddKizunaTemplates(builder.Configuration);
        builder.Services.AddKizunaMessaging();
        return builder.Build();
    }

    /// <summary>The MIME text of a thousand recipients' messages, rendered as the outbox renders them.</summary>
    private static async Task<List<byte[]>> RenderSamplesAsync(IServiceProvider services, StoredTemplate stored, EmailBenchOptions options, CancellationToken ct)
    {
        var renderer = services.GetRequiredService<EmailRenderer>();
        var factory = services.GetRequiredService<EmailMessageFactory>();
        var template = MessageTemplate.EmailFrom(stored)!;
        var samples = new List<byte[]>();
        foreach (var i in Enumerable.Range(0, Math.Min(1_000, options.Messages)))
        {
            var message = new OutboxMessage(i + 1, 1, 0, MessageChannel.Email, "raw", "raw", stored.Id, stored.Version, $"r{i}@example.com", null, false, OutboxState.Queued, 0, null, null, default, default, null);
            var links = new MessageLinks("https://x.example/u", "https://x.example/p", "https://x.example/v");
            using var data = System.Text.Json.JsonDocument.Parse(BenchEmail.Data(i));
            var model = new TemplateModel().Set("data", data.RootElement.Clone()).WithLinks(links);
            var rendered = await renderer.RenderAsync(template, model, new TemplateRenderOptions { WorkspaceId = "1", Links = links }, ct);
            using var mime = factory.Create(new ReadyMessage(message, rendered.Content!, factory.MessageId(message), links));
            using var buffer = new MemoryStream();
            await mime.WriteToAsync(buffer, ct);
            samples.Add(buffer.ToArray());
        }

        return samples;
    }

    /// <summary>The same messages sent by a bare MailKit loop over <paramref name="pool"/> TCP_NODELAY connections, cycling through them.</summary>
    internal static Task BlastAsync(int port, IReadOnlyList<byte[]> samples, int pool, int messages, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, pool).Select(async c =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", port, ct);
            using var client = new SmtpClient();
            await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None, ct);
            for (var i = c; i < messages; i += pool)
            {
                using var stream = new MemoryStream(samples[i % samples.Count], writable: false);
                using var message = await MimeMessage.LoadAsync(stream, ct);
                await client.SendAsync(message, ct);
            }

            await client.DisconnectAsync(true, ct);
        }));
}
