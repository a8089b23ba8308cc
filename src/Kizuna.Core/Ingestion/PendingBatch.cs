namespace Kizuna.Ingestion;

/// <summary>A batch waiting in the queue, with the promise its caller awaits.</summary>
internal sealed class PendingBatch(IngestBatch batch)
{
    public IngestBatch Batch { get; } = batch;

    public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
