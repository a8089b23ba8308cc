using Kizuna.Ingestion;

namespace Kizuna.Imports;

/// <summary>
/// Hands an import's messages to the ingestion pipeline in chunks, keeping a few chunks in flight so that
/// reading the file overlaps with the writer's commits while memory stays bounded.
/// </summary>
internal sealed class MessageSink(IngestionPipeline pipeline, long workspaceId, ImportCounters counters, int chunkSize = 2_000, int inFlight = 3)
{
    private readonly Queue<Task<IngestResult>> _pending = new();
    private List<IngestMessage> _buffer = new(chunkSize);

    public async ValueTask AddAsync(IngestMessage message, CancellationToken ct)
    {
        _buffer.Add(message);
        if (_buffer.Count >= chunkSize)
        {
            await SubmitAsync(ct);
        }
    }

    /// <summary>Submits what is buffered and waits until everything handed in is committed.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await SubmitAsync(ct);
        while (_pending.Count > 0)
        {
            Count(await _pending.Dequeue());
        }
    }

    private async Task SubmitAsync(CancellationToken ct)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        while (_pending.Count >= inFlight)
        {
            Count(await _pending.Dequeue());
        }

        _pending.Enqueue(pipeline.SubmitAsync(new IngestBatch(workspaceId, _buffer), ct));
        _buffer = new List<IngestMessage>(chunkSize);
    }

    private void Count(IngestResult result)
    {
        counters.Stored += result.Stored;
        counters.Duplicates += result.Duplicates;
    }
}
