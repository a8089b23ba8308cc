namespace Kizuna.Ingestion;

/// <summary>The messages of one request for one workspace; the unit that is acknowledged together.</summary>
public sealed record IngestBatch(long WorkspaceId, IReadOnlyList<IngestMessage> Messages)
{
    /// <summary>
    /// Work run in the writer's transaction before the batch is applied, whose messages are written with the batch's
    /// own: state the messages describe commits with them or not at all. Null for a plain batch.
    /// </summary>
    public BatchPrelude? Prelude { get; init; }
}
