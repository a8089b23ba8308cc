using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Kizuna.Bench.Campaigns;
using Kizuna.Bench.Ingest;
using Kizuna.Storage;

namespace Kizuna.Bench.Journeys;

/// <summary>
/// W5 part A: live journeys, each entered by its own track event, whose first node is an email. Every customer gets
/// one triggering event, sent at a steady rate over the ingestion API; per event, the time from its acknowledgement
/// (the bench's clock when the answer arrived) to the creation stamp of its message row (the server's clock in the
/// journey writer's transaction, just before its commit). Bench and servers share the machine's clock.
/// </summary>
internal static class TriggerLatency
{
    public static async Task<string> MeasureAsync(
        string store, Database database, ServerGroup group, JourneyApiClient api, string writeKey, long workspaceId, long templateId,
        JourneyBenchOptions options, CancellationToken ct)
    {
        for (var k = 0; k < options.Journeys; k++)
        {
            await api.LaunchAsync($"W5 {k}", new
            {
                entry = new { kind = "event", @event = $"W5 Event {k}" },
                nodes = new object[]
                {
                    new { id = "m", kind = "message", channel = "email", templateId, next = "d" },
                    new { id = "d", kind = "delay", duration = "7d", next = "x" },
                    new { id = "x", kind = "exit" },
                },
            }, ct);
        }

        var addresses = group.Servers.Select(s => s.Address).ToList();
        using (var flood = new HttpLoad(addresses[0], writeKey, 16))
        {
            var identifies = Bodies(options.Events, 100, i => new { type = "identify", userId = $"w5u{i}", messageId = $"w5-id-{i}", traits = new { email = $"c{i}@example.com" } });
            await flood.RunAsync("/v1/batch", identifies, 100, ct);
        }

        await CaughtUpAsync(database, ct);
        Console.WriteLine($"  {options.Journeys} journeys live, {options.Events:N0} customers; sending at {options.Rate:N0} events/s; load {Load()}");
        var bodies = Bodies(options.Events, options.Batch, i => new
        {
            type = "track",
            userId = $"w5u{i}",
            @event = $"W5 Event {i % options.Journeys}",
            messageId = $"w5-{i}",
            properties = new { n = i },
        });
        using var sender = new PacedSender(addresses, writeKey, 64);
        var (acked, trips, elapsed) = await sender.SendAsync(bodies, (double)options.Rate / options.Batch, 64, ct);
        var sent = acked.Count(a => a > 0) * options.Batch;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long messages;
        while ((messages = await MessagesAsync(database, workspaceId, ct)) < sent && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(250, ct);
        }

        var lags = new List<double>();
        await using (var connection = await database.OpenAsync(ct))
        {
            foreach (var (key, created) in await connection.QueryAsync<(string, long)>(new CommandDefinition(
                """
                SELECT e.entry_key, m.created_at FROM journey_steps s
                JOIN messages m ON m.id = s.message_id
                JOIN journey_entries e ON e.id = s.entry_id
                WHERE s.workspace_id = @workspaceId AND s.node = 'm' AND s.message_id IS NOT NULL
                """, new { workspaceId }, cancellationToken: ct)))
            {
                var i = int.Parse(key.AsSpan("event:w5-".Length), CultureInfo.InvariantCulture);
                if (acked[i / options.Batch] > 0)
                {
                    lags.Add(created - acked[i / options.Batch]);
                }
            }
        }

        lags.Sort();
        Array.Sort(trips);
        var tripList = trips.ToList();
        var load = Load();
        Console.WriteLine($"  {sent:N0} events acknowledged in {elapsed.TotalSeconds:0.0} s, {messages:N0} messages; ack → outbox p50 {Percentile(lags, 0.5):0} ms, p99 {Percentile(lags, 0.99):0} ms; load {load}");
        return $"| {store} | {group.Servers.Count} | {sent / elapsed.TotalSeconds:N0} | {Percentile(tripList, 0.5):0} / {Percentile(tripList, 0.99):0} | "
            + $"{Percentile(lags, 0.5):0} / {Percentile(lags, 0.99):0} / {(lags.Count > 0 ? lags[^1] : 0):0} | {messages:N0} | {load} |";
    }

    private static List<byte[]> Bodies(int count, int perBody, Func<int, object> item) =>
        [.. Enumerable.Range(0, count).Chunk(perBody).Select(chunk => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { batch = chunk.Select(item).ToList() })))];

    private static async Task<long> MessagesAsync(Database database, long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM messages WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
    }

    /// <summary>Waits until the journeys consumer has read every committed change.</summary>
    private static async Task CaughtUpAsync(Database database, CancellationToken ct)
    {
        var feed = new Kizuna.Work.Changes.ChangeFeed(database, TimeProvider.System, []);
        while ((await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "journeys") is not { Behind: 0 })
        {
            await Task.Delay(100, ct);
        }
    }

    private static string Load() => JourneyBenchmark.Load();

    private static double Percentile(List<double> sorted, double p) => JourneyBenchmark.Percentile(sorted, p);
}
