using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuna.Server.Ingestion;

/// <summary>
/// The durability rule end to end: the server is killed with SIGKILL in the middle of a load, restarted on the
/// same data folder, and every message it acknowledged is there exactly once; re-sending everything adds nothing.
/// </summary>
public sealed class CrashTests
{
    private const int Senders = 4;
    private const int BatchSize = 50;
    private const int BatchesPerSender = 200;
    private const int KillAfterAcknowledged = 3_000;

    [Fact]
    public async Task Batch_ServerKilledMidLoad_AcknowledgedMessagesStoredExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("kizuna-crash-");
        try
        {
            var (workspaceId, writeKey) = await PrepareAsync(data.FullName, ct);
            var batches = Enumerable.Range(0, Senders)
                .Select(s => Enumerable.Range(0, BatchesPerSender).Select(b => Batch(s, b)).ToArray())
                .ToArray();
            var acknowledged = new ConcurrentBag<string>();

            await using (var server = await ServerProcess.StartAsync(data.FullName, ct))
            {
                using var killed = new CancellationTokenSource();
                var load = Enumerable.Range(0, Senders)
                    .Select(s => SendUntilFailureAsync(server.Address, writeKey, batches[s], acknowledged, killed.Token))
                    .ToArray();
                while (acknowledged.Count < KillAfterAcknowledged && !load.All(t => t.IsCompleted))
                {
                    await Task.Delay(10, ct);
                }

                await server.KillAsync();
                await Task.WhenAll(load);
                Assert.True(acknowledged.Count >= KillAfterAcknowledged, $"Only {acknowledged.Count} messages were acknowledged before the kill.\n{server.RecentOutput}");
                Assert.True(acknowledged.Count < Senders * BatchesPerSender * BatchSize, "The load finished before the server was killed.");
            }

            await using (var restarted = await ServerProcess.StartAsync(data.FullName, ct))
            {
                var stored = await CountByMessageIdAsync(data.FullName, workspaceId, ct);
                Assert.All(acknowledged, id => Assert.Equal(1, stored.GetValueOrDefault(id)));
                Assert.All(stored, pair => Assert.Equal(1, pair.Value));

                using var http = WriteClient(restarted.Address, writeKey);
                foreach (var batch in batches.SelectMany(b => b))
                {
                    using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json(batch.Body), ct);
                    Assert.True(response.IsSuccessStatusCode, $"Re-sending after the restart failed: {(int)response.StatusCode}");
                }

                var after = await CountByMessageIdAsync(data.FullName, workspaceId, ct);
                Assert.Equal(Senders * BatchesPerSender * BatchSize, after.Count);
                Assert.All(after, pair => Assert.Equal(1, pair.Value));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static async Task SendUntilFailureAsync(Uri address, string writeKey, IReadOnlyList<(string[] Ids, string Body)> batches, ConcurrentBag<string> acknowledged, CancellationToken ct)
    {
        using var http = WriteClient(address, writeKey);
        foreach (var (ids, body) in batches)
        {
            try
            {
                using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json(body), ct);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                return; // The server is gone: what it did not acknowledge may or may not be stored.
            }

            foreach (var id in ids)
            {
                acknowledged.Add(id);
            }
        }
    }

    private static (string[] Ids, string Body) Batch(int sender, int batch)
    {
        var messages = new JsonArray();
        var ids = new string[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"crash-{sender}-{batch}-{i}");
            messages.Add(new JsonObject
            {
                ["type"] = "track",
                ["messageId"] = ids[i],
                ["userId"] = string.Create(CultureInfo.InvariantCulture, $"crash-user-{(batch * BatchSize + i) % 97}"),
                ["event"] = "Product Viewed",
                ["properties"] = new JsonObject { ["product_id"] = "p-sencha", ["price"] = 12.5 },
                ["timestamp"] = "2026-01-15T10:00:00.000Z",
            });
        }

        return (ids, new JsonObject { ["batch"] = messages }.ToJsonString());
    }

    private static async Task<(long WorkspaceId, string WriteKey)> PrepareAsync(string dataFolder, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        var workspace = await new WorkspaceService(database, TimeProvider.System).CreateAsync("crash", "Crash test", ct);
        var key = await new ApiKeyService(database, TimeProvider.System).CreateAsync(workspace.Id, ApiKeyKind.Write, "Load", [], ct);
        return (workspace.Id, key.Secret);
    }

    private static async Task<Dictionary<string, long>> CountByMessageIdAsync(string dataFolder, long workspaceId, CancellationToken ct)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataFolder });
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string MessageId, long Count)>(new CommandDefinition(
            "SELECT message_id, COUNT(*) FROM events WHERE workspace_id = @workspaceId GROUP BY message_id",
            new { workspaceId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.MessageId, r => r.Count, StringComparer.Ordinal);
    }

    private static HttpClient WriteClient(Uri address, string writeKey)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
