using System.Globalization;
using Dapper;
using Kizuna.Messaging;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Work;
using Kizuna.Work.Jobs;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging;

/// <summary>
/// A server killed with SIGKILL in the middle of a large send: once restarted, every recipient has its message at the
/// SMTP server exactly once, except at most the one batch that was in flight, whose copies carry the same Message-ID.
/// </summary>
public sealed class MessagingCrashTests(ITestOutputHelper output)
{
    private const int BatchSize = 200;

    /// <summary>20,000 by default, so the test stays within minutes on a shared machine; <c>KIZUNA_CRASH_MESSAGES=100000</c> runs the full count.</summary>
    private static readonly int Messages = int.TryParse(Environment.GetEnvironmentVariable("KIZUNA_CRASH_MESSAGES"), CultureInfo.InvariantCulture, out var n) ? n : 20_000;

    [Fact]
    public async Task Send_ServerKilledMidway_EveryRecipientGetsItsMessageOnceOrTheSameMessageIdTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("kizuna-send-crash-");
        await using var sink = await SmtpSink.StartAsync();
        string[] settings =
        [
            "--Messaging:Email:Host=127.0.0.1", $"--Messaging:Email:Port={sink.Port}", "--Messaging:Email:Security=None",
            $"--Messaging:BatchSize={BatchSize}", "--Jobs:Leases:email=00:00:03", "--Jobs:PollInterval=00:00:00.200",
        ];
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var workspaceId = await QueueAsync(data.FullName, ct);
            output.WriteLine($"queued in {clock.Elapsed}");
            await using (var server = await ServerProcess.StartAsync(data.FullName, settings, ct))
            {
                await WaitAsync(() => sink.Accepted >= Messages / 5, TimeSpan.FromMinutes(5), () => server.RecentOutput, ct);
                await server.KillAsync();
                output.WriteLine($"killed at {clock.Elapsed}");
            }

            var beforeRestart = sink.Accepted;
            Assert.True(beforeRestart < Messages, "The send finished before the server was killed.");
            await using (var restarted = await ServerProcess.StartAsync(data.FullName, settings, ct))
            {
                await WaitAsync(() => sink.ByRecipient.Count >= Messages && SentAsync(data.FullName, ct).Result == Messages, TimeSpan.FromMinutes(10), () => restarted.RecentOutput, ct);
            }

            output.WriteLine($"done at {clock.Elapsed}");
            var duplicates = sink.ByRecipient.Where(r => r.Value.Count > 1).ToList();
            output.WriteLine($"{Messages:N0} messages, {beforeRestart:N0} accepted before the kill, {sink.Accepted:N0} in all, {duplicates.Count} sent twice (same Message-ID).");
            Assert.Equal(Messages, sink.ByRecipient.Count);
            Assert.All(duplicates, d => Assert.Single(d.Value.Distinct()));
            Assert.InRange(duplicates.Count, 0, BatchSize);
            Assert.All(sink.ByRecipient.Values, ids => Assert.StartsWith($"<kz.{workspaceId}.", ids.First(), StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>A workspace with a template and <see cref="Messages"/> messages queued, one recipient each.</summary>
    private static async Task<long> QueueAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("crash", "Crash test", ct);
        var library = new TemplateLibrary(new TemplateStore(database, TimeProvider.System), TemplateService.CreateDefault());
        var template = (await library.CreateAsync(workspace.Id, TemplateKind.Template, "notice", new TemplateDraft("<p>Dear {{ data.name }}, your order has shipped.</p>", "Order {{ data.order }}"), "test", ct)).Template!;
        var jobs = new JobQueue(database, new NodeIdentity(), new JobSignal(), [], Options.Create(new JobOptions()), TimeProvider.System);
        var outbox = new OutboxStore(database, jobs, TimeProvider.System);
        foreach (var chunk in Enumerable.Range(0, Messages).Chunk(5_000))
        {
            await outbox.QueueAsync([.. chunk.Select(i => new NewMessage(
                workspace.Id, 0, MessageChannel.Email, "campaign:1", $"campaign:1:recipient:{i}", template.Id, template.Version,
                $"r{i}@example.com", $$"""{"name":"R{{i}}","order":"{{i}}"}"""))], ct);
        }

        return workspace.Id;
    }

    private static async Task<long> SentAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM messages WHERE state = 'sent'", cancellationToken: ct));
    }

    private static async Task WaitAsync(Func<bool> until, TimeSpan within, Func<string> log, CancellationToken ct)
    {
        for (var waited = TimeSpan.Zero; !until(); waited += TimeSpan.FromMilliseconds(100))
        {
            Assert.True(waited < within, $"Not done within {within}.\n{log()}");
            await Task.Delay(100, ct);
        }
    }
}
