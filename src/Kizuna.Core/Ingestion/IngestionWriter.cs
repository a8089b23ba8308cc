using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Ingestion;

/// <summary>
/// The single writer loop: takes whatever requests are queued (up to a limit), commits them in one transaction
/// (group commit), answers each request, then hands the committed batch to the real-time consumers.
/// </summary>
internal sealed class IngestionWriter(
    IngestionPipeline pipeline,
    IngestStore store,
    IEnumerable<ICommittedBatchObserver> observers,
    IOptions<IngestionOptions> options,
    ILogger<IngestionWriter> logger) : BackgroundService
{
    private readonly ICommittedBatchObserver[] _observers = [.. observers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = pipeline.Reader;
        var group = new List<PendingBatch>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var messages = 0;
                while (messages < options.Value.MaxMessagesPerCommit && reader.TryRead(out var pending))
                {
                    group.Add(pending);
                    messages += pending.Batch.Messages.Count;
                }

                await CommitAsync(group, stoppingToken);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the group in hand was never committed, so its callers must not get a 2xx.
            Refuse(group);
        }
    }

    /// <summary>
    /// Refuses what is still queued. This lives here rather than at the end of <see cref="ExecuteAsync"/>: a host
    /// stopped before the loop was scheduled never runs it at all, and its callers would wait forever.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        pipeline.Complete();
        var queued = new List<PendingBatch>();
        while (pipeline.Reader.TryRead(out var pending))
        {
            queued.Add(pending);
        }

        Refuse(queued);
    }

    private static void Refuse(List<PendingBatch> group)
    {
        foreach (var pending in group)
        {
            pending.Completion.TrySetException(new IngestionUnavailableException("The server is shutting down."));
        }
    }

    private async Task CommitAsync(List<PendingBatch> group, CancellationToken ct)
    {
        CommittedBatch committed;
        try
        {
            var (results, batch, failures) = await store.WriteGroupAsync([.. group.Select(p => p.Batch)], ct);
            for (var i = 0; i < group.Count; i++)
            {
                if (failures[i] is { } failure)
                {
                    group[i].Completion.TrySetException(failure);
                }
                else
                {
                    group[i].Completion.TrySetResult(results[i]);
                }
            }

            committed = batch;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Ingestion commit of {Requests} requests failed", group.Count);
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(new IngestionUnavailableException("The batch could not be stored.", ex));
            }

            return;
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnCommittedAsync(committed, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Committed-batch observer {Observer} failed", observer.GetType().Name);
            }
        }
    }
}
