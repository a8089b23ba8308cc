namespace Kizuna.Ingestion;

/// <summary>The messages of one request for one workspace; the unit that is acknowledged together.</summary>
public sealed record IngestBatch(long WorkspaceId, IReadOnlyList<IngestMessage> Messages);
