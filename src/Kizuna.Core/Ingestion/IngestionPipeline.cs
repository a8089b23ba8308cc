using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Kizuna.Ingestion;

/// <summary>
/// The front of the write path: callers hand in a validated batch and get its result once the writer has
/// committed it. The bounded queue is the back-pressure: when the writer falls behind, callers wait.
/// </summary>
public sealed class IngestionPipeline(IOptions<IngestionOptions> options)
{
    private readonly Channel<PendingBatch> _queue = Channel.CreateBounded<PendingBatch>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<PendingBatch> Reader => _queue.Reader;

    /// <summary>Queues a batch and completes when it is durably committed (or the write failed).</summary>
    public async Task<IngestResult> SubmitAsync(IngestBatch batch, CancellationToken ct)
    {
        if (batch is { Messages.Count: 0, Prelude: null })
        {
            return IngestResult.Empty;
        }

        var pending = new PendingBatch(batch);
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Completion.Task.WaitAsync(ct);
    }

    internal void Complete() => _queue.Writer.TryComplete();
}
