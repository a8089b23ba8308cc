namespace Kizuna.Ingestion;

/// <summary>
/// The hook after each committed batch: segment membership, journey triggers and the live event stream register
/// one of these. It runs on the writer's loop after the acknowledgement, so it must be quick; hand slow work to
/// a queue of your own. A failure is logged and never undoes the commit.
/// </summary>
public interface ICommittedBatchObserver
{
    ValueTask OnCommittedAsync(CommittedBatch batch, CancellationToken ct);
}
