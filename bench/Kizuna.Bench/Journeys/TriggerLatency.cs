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

        // Customers 0 … events-1 are measured; the next warmup ones trigger first, so the measured events meet a store
        // in service: code compiled, and on PostgreSQL the journeys' tables holding rows and their statistics.
        var customers = options.Events + options.Warmup;
        var addresses = group.Servers.Select(s => s.Address).ToList();
        using (var flood = new HttpLoad(addresses[0], writeKey, 16))
        {
            var identifies = Bodies(0, customers, 100, i => new { type = "identify", userId = $"w5u{i}", messageId = $"w5-id-{i}", traits = new { email = $"c{i}@example.com" } });
            await flood.RunAsync("/v1/batch", identifies, 100, ct);
        }

        await CaughtUpAsync(database, ct);
        using var sender = new PacedSender(addresses, writeKey, 64);
        if (options.Warmup > 0)
        {
            var (warmAcked, _, _) = await sender.SendAsync(Triggers(options.Events, options.Warmup, options), (double)options.Rate / options.Batch, 64, ct);
            await MessagesAsync(database, workspaceId, warmAcked.Count(a => a > 0) * options.Batch, ct);
        }

        await AnalyzeAsync(database, ct);
        var before = await CountAsync(database, workspaceId, ct);
        Console.WriteLine($"  {options.Journeys} journeys live, {customers:N0} customers, {before:N0} messages from {options.Warmup:N0} warm-up events; sending at {options.Rate:N0} events/s; load {Load()}");
        var (acked, trips, elapsed) = await sender.SendAsync(Triggers(0, options.Events, options), (double)options.Rate / options.Batch, 64, ct);
        var sent = acked.Count(a => a > 0) * options.Batch;
        var messages = await MessagesAsync(database, workspaceId, before + sent, ct) - before;

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
                if (i < options.Events && acked[i / options.Batch] > 0)
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

    /// <summary>One triggering event for each of <paramref name="count"/> customers from <paramref name="first"/> on.</summary>
    private static List<byte[]> Triggers(int first, int count, JourneyBenchOptions options) => Bodies(first, count, options.Batch, i => new
    {
        type = "track",
        userId = $"w5u{i}",
        @event = $"W5 Event {i % options.Journeys}",
        messageId = $"w5-{i}",
        properties = new { n = i },
    });

    private static List<byte[]> Bodies(int first, int count, int perBody, Func<int, object> item) =>
        [.. Enumerable.Range(first, count).Chunk(perBody).Select(chunk => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { batch = chunk.Select(item).ToList() })))];

    /// <summary>Waits (two minutes at most) for the workspace's outbox to hold <paramref name="expected"/> messages; the count it reached.</summary>
    private static async Task<long> MessagesAsync(Database database, long workspaceId, long expected, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long messages;
        while ((messages = await CountAsync(database, workspaceId, ct)) < expected && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(250, ct);
        }

        return messages;
    }

    private static async Task<long> CountAsync(Database database, long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM messages WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
    }

    /// <summary>
    /// Gives PostgreSQL's planner the statistics a store in service has (its autovacuum daemon keeps them, but not
    /// within the seconds since these tables were empty): without them it reads every identity of the workspace to
    /// find a batch's 20, every profile to find a pass's 100 and every journey entry to find a pass's customers'.
    /// </summary>
    private static async Task AnalyzeAsync(Database database, CancellationToken ct)
    {
        if (database.Dialect.Kind == StoreKind.Postgres)
        {
            await using var connection = await database.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandType: System.Data.CommandType.Text, cancellationToken: ct));
        }
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
