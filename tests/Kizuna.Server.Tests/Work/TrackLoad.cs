using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kizuna.Server.Work;

/// <summary>
/// Batches of track events with known messageIds, sent to one or more servers by concurrent senders; a batch's ids
/// count as acknowledged only after a 2xx. A sender stops at its first failure (its server was killed). The events
/// go to 97 users named after the run, or after <c>users</c> to continue another run's users.
/// </summary>
public sealed class TrackLoad(string run, int senders, int batchesPerSender, int batchSize = 50, string? users = null)
{
    public ConcurrentBag<string> Acknowledged { get; } = [];

    public int Total => senders * batchesPerSender * batchSize;

    /// <summary>Runs every sender to its end or first failure; sender <c>s</c> talks to <c>servers[s % servers.Count]</c>.</summary>
    public Task RunAsync(IReadOnlyList<Uri> servers, string writeKey, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(s => SendAsync(servers[s % servers.Count], writeKey, s, ct)));

    private async Task SendAsync(Uri address, string writeKey, int sender, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        for (var b = 0; b < batchesPerSender; b++)
        {
            var (ids, body) = Batch(sender, b);
            try
            {
                using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), ct);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                return; // the server is gone: what it did not acknowledge may or may not be stored
            }

            foreach (var id in ids)
            {
                Acknowledged.Add(id);
            }
        }
    }

    private (string[] Ids, string Body) Batch(int sender, int batch)
    {
        var messages = new JsonArray();
        var ids = new string[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"{run}-{sender}-{batch}-{i}");
            messages.Add(new JsonObject
            {
                ["type"] = "track",
                ["messageId"] = ids[i],
                ["userId"] = string.Create(CultureInfo.InvariantCulture, $"{users ?? run}-user-{(batch * batchSize + i) % 97}"),
                ["event"] = "Product Viewed",
                ["properties"] = new JsonObject { ["product_id"] = "p-sencha", ["price"] = 12.5 },
                ["timestamp"] = "2026-01-15T10:00:00.000Z",
            });
        }

        return (ids, new JsonObject { ["batch"] = messages }.ToJsonString());
    }
}
