using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Bench.Ingest;
using Kizuna.Bench.Messaging;
using Kizuna.Storage;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// W4c's customers: customer <c>n</c> is identified as <c>c&lt;n&gt;</c> with address <c>c&lt;n&gt;@example.com</c> and
/// W4's data for recipient <c>n</c> as traits (<see cref="BenchEmail.Traits"/>), through the ingestion API in
/// 100-customer batches shared out over the servers; then the bench waits until every profile is stored.
/// </summary>
public static class CampaignAudience
{
    public const string Cohort = "w4c";

    public static async Task LoadAsync(IReadOnlyList<ServerChild> servers, string writeKey, Database database, long workspaceId, int customers, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var loads = servers.Select(s => new HttpLoad(s.Address, writeKey, 8)).ToList();
        try
        {
            // A slice at a time, so a million customers' traits (2.4 GB as JSON) are never all in memory.
            foreach (var slice in Enumerable.Range(0, customers).Chunk(10_000 * loads.Count))
            {
                var bodies = slice.Chunk(IngestOptions.BatchSize).Select(Batch).ToList();
                await Task.WhenAll(loads.Select((load, i) => load.RunAsync("/v1/batch", [.. bodies.Where((_, b) => b % loads.Count == i)], IngestOptions.BatchSize, ct)));
                if ((slice[^1] + 1) % 100_000 == 0)
                {
                    Console.WriteLine($"    {slice[^1] + 1:N0} customers sent ({clock.Elapsed.TotalSeconds:0} s)");
                }
            }
        }
        finally
        {
            loads.ForEach(l => l.Dispose());
        }

        long stored;
        while ((stored = await CountAsync(database, workspaceId, ct)) < customers)
        {
            await Task.Delay(1_000, ct);
        }

        Console.WriteLine($"  {stored:N0} customers stored in {clock.Elapsed.TotalSeconds:0} s ({customers / clock.Elapsed.TotalSeconds:N0}/s)");
    }

    private static byte[] Batch(int[] customers)
    {
        var batch = new JsonArray();
        foreach (var n in customers)
        {
            batch.Add(new JsonObject
            {
                ["type"] = "identify",
                ["messageId"] = $"w4c-{n}",
                ["userId"] = string.Create(CultureInfo.InvariantCulture, $"c{n}"),
                ["traits"] = BenchEmail.Traits(n, string.Create(CultureInfo.InvariantCulture, $"c{n}@example.com"), Cohort),
            });
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["batch"] = batch }.ToJsonString());
    }

    private static async Task<long> CountAsync(Database database, long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM profiles WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
    }
}
