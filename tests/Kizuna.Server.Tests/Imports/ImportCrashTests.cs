using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuna.Server.Imports;

/// <summary>
/// A server killed with SIGKILL while it runs an import: the restarted server takes the import's job over when its
/// lease expires and runs it again, and the import ends once, succeeded, with every line's event stored once.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Lines = 300_000;
    private const string Mapping = """{ "kind": "events", "columns": { "user_id": "Customer", "event": "Event", "timestamp": "Time", "message_id": "Id" }, "properties": { "sku": "Sku" } }""";

    // A short lease, so the job is taken over seconds after the kill rather than minutes.
    private static readonly string[] Settings = ["--Jobs:Leases:import=00:00:03", "--Jobs:PollInterval=00:00:00.200"];

    [Fact]
    public async Task Import_ServerKilledWhileItRuns_RestartedServerFinishesItOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("kizuna-import-crash-");
        try
        {
            var (workspaceId, secret) = await PrepareAsync(data.FullName, ct);
            var csv = Path.Combine(data.FullName, "events.csv");
            await File.WriteAllLinesAsync(csv, ["Id,Customer,Event,Time,Sku", .. Enumerable.Range(0, Lines).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"m{i},customer-{i % 5000},Product Viewed,2026-01-15T10:{i / 60000 % 60:00}:{i / 1000 % 60:00}Z,sku-{i % 300}"))], ct);

            long importId;
            await using (var server = await ServerProcess.StartAsync(data.FullName, Settings, ct))
            {
                using var http = Client(server.Address, secret);
                using var upload = new MultipartFormDataContent
                {
                    { new StreamContent(File.OpenRead(csv)), "file", "events.csv" },
                    { new StringContent(Mapping), "mapping" },
                };
                using var accepted = await http.PostAsync(new Uri("/api/imports", UriKind.Relative), upload, ct);
                Assert.True(accepted.IsSuccessStatusCode, $"{(int)accepted.StatusCode}\n{server.RecentOutput}");
                importId = (await accepted.Content.ReadFromJsonAsync<ImportJobResponse>(ct))!.Id;

                var running = await WaitAsync(http, importId, j => j.Status != "queued" && j.Progress is { LinesRead: > 0 }, ct);
                await server.KillAsync();
                Assert.Equal("running", running.Status);
                Assert.True(running.Progress!.LinesRead < Lines, "The import finished before the server was killed.");
            }

            await using (var restarted = await ServerProcess.StartAsync(data.FullName, Settings, ct))
            {
                using var http = Client(restarted.Address, secret);
                var ended = await WaitAsync(http, importId, j => j.Status is "succeeded" or "failed", ct);

                Assert.True(ended.Status == "succeeded", $"{ended.Status}: {ended.Error}\n{restarted.RecentOutput}");
                Assert.Equal(Lines, ended.Report!.LinesRead);
                // The import's row ends just before its job is completed: wait for the job too before stopping.
                await WaitUntilJobEndedAsync(data.FullName, ct);
            }

            var database = new SqliteDatabase(new StorageOptions { DataDirectory = data.FullName });
            await using var connection = await database.OpenAsync(ct);
            var events = (await connection.QueryAsync<(string MessageId, long Count)>(new CommandDefinition(
                "SELECT message_id, COUNT(*) FROM events WHERE workspace_id = @workspaceId GROUP BY message_id", new { workspaceId }, cancellationToken: ct))).ToList();
            Assert.Equal(Lines, events.Count);
            Assert.All(events, e => Assert.Equal(1, e.Count));
            var job = await connection.QuerySingleAsync<(string State, long Attempts)>(new CommandDefinition(
                "SELECT state, attempts FROM jobs WHERE queue = 'import'", cancellationToken: ct));
            Assert.Equal(("done", 2L), job);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static async Task<ImportJobResponse> WaitAsync(HttpClient http, long id, Func<ImportJobResponse, bool> until, CancellationToken ct)
    {
        ImportJobResponse? job = null;
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            job = await http.GetFromJsonAsync<ImportJobResponse>(new Uri($"/api/imports/{id}", UriKind.Relative), ct);
            if (job is not null && until(job))
            {
                return job;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"The import did not get there within three minutes: {job?.Status}.");
    }

    private static async Task WaitUntilJobEndedAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await using var connection = await database.OpenAsync(ct);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT state FROM jobs WHERE queue = 'import'", cancellationToken: ct)) != "pending")
            {
                return;
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task<(long WorkspaceId, string Secret)> PrepareAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("crash", "Crash test", ct);
        var key = await new ApiKeyService(database, TimeProvider.System).CreateAsync(workspace.Id, ApiKeyKind.Secret, "Import", [Scopes.Import], ct);
        return (workspace.Id, key.Secret);
    }

    private static HttpClient Client(Uri address, string secret)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }
}
