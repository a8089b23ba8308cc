namespace Kizuna.Ingestion;

/// <summary>
/// Hands a stream of messages to the ingestion pipeline in chunks, keeping a few chunks in flight so that producing
/// them (reading a file, generating the demo) overlaps with the writer's commits while memory stays bounded. Each
/// chunk's result reaches <paramref name="committed"/> once it is committed, in the order the chunks were submitted.
/// </summary>
internal sealed class MessageSink(IngestionPipeline pipeline, long workspaceId, Action<IngestResult> committed, int chunkSize = 2_000, int inFlight = 3)
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

    /// <summary>Adds messages that belong together; a chunk never ends inside them. True when they ended one.</summary>
    public async ValueTask<bool> AddRangeAsync(IReadOnlyList<IngestMessage> messages, CancellationToken ct)
    {
        _buffer.AddRange(messages);
        if (_buffer.Count < chunkSize)
        {
            return false;
        }

        await SubmitAsync(ct);
        return true;
    }

    /// <summary>Submits what is buffered and waits until everything handed in is committed.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await SubmitAsync(ct);
        while (_pending.Count > 0)
        {
            committed(await _pending.Dequeue());
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
            committed(await _pending.Dequeue());
        }

        _pending.Enqueue(pipeline.SubmitAsync(new IngestBatch(workspaceId, _buffer), ct));
        _buffer = new List<IngestMessage>(chunkSize);
    }
}
