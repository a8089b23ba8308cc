using System.Diagnostics;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Demo;

/// <summary>
/// Fills a workspace with a year of realistic shop data: customers with traits in Japanese and English, their
/// sessions, product views, carts, orders and refunds. Everything goes through the ingestion pipeline, so
/// profiles, merges and aggregates are built exactly as live traffic builds them. Deterministic for a seed and a clock.
/// </summary>
public sealed class DemoDataGenerator(IngestionPipeline pipeline, ProductCatalog catalog, TimeProvider time)
{
    private const int ChunkSize = 2_000;
    private const int InFlight = 3;

    /// <summary>Every message of the demo, customer after customer, each customer's oldest first.</summary>
    public IEnumerable<(int Customer, IReadOnlyList<IngestMessage> Messages)> Generate(DemoOptions options)
    {
        var now = time.GetUtcNow();
        for (var i = 0; i < options.Customers; i++)
        {
            // A generator per customer keeps one customer's data the same whatever the customer count.
            var rng = new Random(unchecked((options.Seed * 7_919) + i));
            var persona = DemoPeople.Create(rng, i, now);
            yield return (i, new DemoBehaviour(rng, persona, now).Generate());
        }
    }

    public async Task<DemoReport> SeedAsync(long workspaceId, DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await catalog.UpsertAsync(workspaceId, DemoCatalog.Products, ct);
        var pending = new Queue<(Task<IngestResult> Task, int Customers)>();
        var buffer = new List<IngestMessage>(ChunkSize + 200);
        long messages = 0, stored = 0, duplicates = 0;

        async Task DrainAsync(int keep)
        {
            while (pending.Count > keep)
            {
                var (task, customers) = pending.Dequeue();
                var result = await task;
                stored += result.Stored;
                duplicates += result.Duplicates;
                progress?.Report(new DemoProgress(customers, options.Customers));
            }
        }

        foreach (var (customer, timeline) in Generate(options))
        {
            buffer.AddRange(timeline);
            messages += timeline.Count;
            if (buffer.Count >= ChunkSize || customer == options.Customers - 1)
            {
                await DrainAsync(InFlight - 1);
                pending.Enqueue((pipeline.SubmitAsync(new IngestBatch(workspaceId, buffer), ct), customer + 1));
                buffer = new List<IngestMessage>(ChunkSize + 200);
            }
        }

        await DrainAsync(0);
        return new DemoReport(options.Customers, DemoCatalog.Products.Count, messages, stored, duplicates, Math.Round(stopwatch.Elapsed.TotalSeconds, 2));
    }
}
