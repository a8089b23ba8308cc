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
        var started = time.GetTimestamp();
        await catalog.UpsertAsync(workspaceId, DemoCatalog.Products, ct);
        long messages = 0, stored = 0, duplicates = 0;
        var customersPerChunk = new Queue<int>();   // chunks end between customers, and results come back in order
        var sink = new MessageSink(pipeline, workspaceId, result =>
        {
            stored += result.Stored;
            duplicates += result.Duplicates;
            progress?.Report(new DemoProgress(customersPerChunk.Dequeue(), options.Customers));
        });
        foreach (var (customer, timeline) in Generate(options))
        {
            messages += timeline.Count;
            if (await sink.AddRangeAsync(timeline, ct))
            {
                customersPerChunk.Enqueue(customer + 1);
            }
        }

        customersPerChunk.Enqueue(options.Customers);   // the last chunk, if customers are left in the buffer
        await sink.FlushAsync(ct);
        return new DemoReport(options.Customers, DemoCatalog.Products.Count, messages, stored, duplicates, Math.Round(time.GetElapsedTime(started).TotalSeconds, 2));
    }
}
