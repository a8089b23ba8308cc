using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Server.Messaging;
using Kizuna.Storage;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuna.Server.Journeys;

/// <summary>
/// A server killed with SIGKILL twice in the middle of a busy journey (email, a one-minute delay, email, exit): first
/// while customers are entering and their first emails go out, then while the delays' timers fire. Once restarted,
/// every customer has exactly one entry with exactly the five steps of the path, and got each of the two emails once
/// at the SMTP server, except at most the one send batch in flight at each kill, whose copies carry the same Message-ID.
/// </summary>
public sealed class JourneyCrashTests(ITestOutputHelper output)
{
    private const int SendBatch = 100;

    /// <summary>2,000 by default, so the test stays within minutes on a shared machine; <c>KIZUNA_CRASH_ENTRIES</c> sets another count.</summary>
    private static readonly int Customers = int.TryParse(Environment.GetEnvironmentVariable("KIZUNA_CRASH_ENTRIES"), CultureInfo.InvariantCulture, out var n) ? n : 2_000;

    private static readonly string[] Path = ["m1:sent", "d:waiting", "d:passed", "m2:sent", "x:exited"];

    [Fact]
    public async Task Journey_ServerKilledWhileEnteringAndWhileTimersFire_EveryEntryOnceAndEveryEmailOnceOrTheSameMessageIdTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("kizuna-journey-crash-");
        await using var sink = await SmtpSink.StartAsync();
        string[] settings =
        [
            "--Messaging:Email:Host=127.0.0.1", $"--Messaging:Email:Port={sink.Port}", "--Messaging:Email:Security=None",
            $"--Messaging:BatchSize={SendBatch}", "--Jobs:Leases:email=00:00:03", "--Jobs:Leases:journeys=00:00:03", "--Jobs:PollInterval=00:00:00.200",
        ];
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (workspaceId, writeKey, secret, templateId) = await PrepareAsync(data.FullName, ct);
            long journeyId;
            await using (var server = await ServerProcess.StartAsync(data.FullName, settings, ct))
            {
                journeyId = await LaunchAsync(server.Address, secret, templateId, ct);
                await SendAsync(server.Address, writeKey, Enumerable.Range(0, Customers).Select(i => (object)new
                {
                    type = "identify",
                    userId = $"u{i}",
                    messageId = $"id-{i}",
                    traits = new { email = $"c{i}@example.com" },
                }), ct);
                await SendAsync(server.Address, writeKey, Enumerable.Range(0, Customers).Select(i => (object)new
                {
                    type = "track",
                    userId = $"u{i}",
                    @event = "Crash Trigger",
                    messageId = $"trigger-{i}",
                    properties = new { n = i },
                }), ct);
                await WaitAsync(() => sink.Accepted >= Customers / 5, TimeSpan.FromMinutes(5), () => server.RecentOutput, ct);
                await server.KillAsync();
            }

            var firstKill = sink.Accepted;
            output.WriteLine($"first kill at {clock.Elapsed}, {firstKill:N0} emails accepted");
            Assert.True(firstKill < Customers, "Every first email went out before the server was killed.");
            await using (var server = await ServerProcess.StartAsync(data.FullName, settings, ct))
            {
                // The delays come due a minute after each entry; kill again once some of the second emails went out.
                await WaitAsync(() => sink.Accepted >= Customers + (Customers / 5), TimeSpan.FromMinutes(6), () => server.RecentOutput, ct);
                await server.KillAsync();
            }

            var secondKill = sink.Accepted;
            output.WriteLine($"second kill at {clock.Elapsed}, {secondKill:N0} emails accepted");
            Assert.True(secondKill < 2 * Customers, "Every second email went out before the server was killed again.");
            await using (var server = await ServerProcess.StartAsync(data.FullName, settings, ct))
            {
                await WaitAsync(() => sink.ByRecipient.Values.Count(ids => ids.Distinct().Count() == 2) >= Customers && FinishedAsync(data.FullName, journeyId, ct).Result == Customers,
                    TimeSpan.FromMinutes(6), () => server.RecentOutput, ct);
            }

            output.WriteLine($"done at {clock.Elapsed}, {sink.Accepted:N0} emails accepted");
            var paths = await PathsAsync(data.FullName, journeyId, ct);
            Assert.Equal(Customers, paths.Count);
            Assert.All(paths, p => Assert.Equal(Path, p.Value));
            Assert.Equal(Customers, sink.ByRecipient.Count);
            var twice = sink.ByRecipient.Sum(r => r.Value.Count - 2);
            output.WriteLine($"{Customers:N0} customers, {twice} emails arrived twice with the same Message-ID");
            Assert.All(sink.ByRecipient.Values, ids => Assert.Equal(2, ids.Distinct().Count()));
            Assert.InRange(twice, 0, 2 * SendBatch);
            Assert.All(sink.ByRecipient.Values, ids => Assert.StartsWith($"<kz.{workspaceId}.", ids.First(), StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>A workspace with a write key, a secret key for journeys and an email template.</summary>
    private static async Task<(long WorkspaceId, string WriteKey, string Secret, long TemplateId)> PrepareAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("journey-crash", "Journey crash test", ct);
        var keys = new ApiKeyService(database, TimeProvider.System);
        var writeKey = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Write, "site", [], ct)).Secret;
        var secret = (await keys.CreateAsync(workspace.Id, ApiKeyKind.Secret, "journeys", [Scopes.JourneysRead, Scopes.JourneysWrite], ct)).Secret;
        var library = new TemplateLibrary(new TemplateStore(database, TimeProvider.System), TemplateService.CreateDefault());
        var template = (await library.CreateAsync(workspace.Id, TemplateKind.Template, "welcome", new TemplateDraft("<p>Welcome, order {{ data.n }}.</p>", "Welcome"), "test", ct)).Template!;
        return (workspace.Id, writeKey, secret, template.Id);
    }

    private static async Task<long> LaunchAsync(Uri server, string secret, long templateId, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = server };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var created = await admin.PostAsJsonAsync("/api/journeys", new
        {
            name = "Welcome",
            definition = new
            {
                entry = new { kind = "event", @event = "Crash Trigger" },
                nodes = new object[]
                {
                    new { id = "m1", kind = "message", channel = "email", templateId, next = "d" },
                    new { id = "d", kind = "delay", duration = "1m", next = "m2" },
                    new { id = "m2", kind = "message", channel = "email", templateId, next = "x" },
                    new { id = "x", kind = "exit" },
                },
            },
        }, ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<long>();
        (await admin.PostAsync(new Uri($"/api/journeys/{id}/launch", UriKind.Relative), null, ct)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task SendAsync(Uri server, string writeKey, IEnumerable<object> items, CancellationToken ct)
    {
        using var site = new HttpClient { BaseAddress = server };
        site.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        foreach (var chunk in items.Chunk(100))
        {
            (await site.PostAsJsonAsync("/v1/batch", new { batch = chunk }, ct)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<long> FinishedAsync(string dataFolder, long journeyId, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM journey_entries WHERE journey_id = @journeyId AND state = 'exited'", new { journeyId }, cancellationToken: ct));
    }

    /// <summary>Per customer, the path of each of their entries (node:outcome in step order), entries separated by "|".</summary>
    private static async Task<Dictionary<long, string[]>> PathsAsync(string dataFolder, long journeyId, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await using var connection = await database.OpenAsync(ct);
        var steps = await connection.QueryAsync<(long Profile, long Entry, string Step)>(new CommandDefinition(
            """
            SELECT e.profile_id, e.id, s.node || ':' || s.outcome FROM journey_entries e
            JOIN journey_steps s ON s.workspace_id = e.workspace_id AND s.entry_id = e.id
            WHERE e.journey_id = @journeyId ORDER BY e.profile_id, e.id, s.seq
            """, new { journeyId }, cancellationToken: ct));
        return steps.GroupBy(s => s.Profile).ToDictionary(
            g => g.Key,
            g => g.GroupBy(s => s.Entry).Count() == 1 ? g.Select(s => s.Step).ToArray() : new[] { string.Join('|', g.GroupBy(s => s.Entry).Select(e => string.Join(',', e.Select(s => s.Step)))) });
    }

    private static async Task WaitAsync(Func<bool> until, TimeSpan within, Func<string> log, CancellationToken ct)
    {
        for (var waited = TimeSpan.Zero; !until(); waited += TimeSpan.FromMilliseconds(200))
        {
            Assert.True(waited < within, $"Not done within {within}.\n{log()}");
            await Task.Delay(200, ct);
        }
    }
}
