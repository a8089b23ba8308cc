using System.Data.Common;

namespace Kizuna.Ingestion;

/// <summary>
/// Writes in the ingestion writer's transaction and answers the messages to ingest with what it wrote. It runs
/// inside a savepoint: when it throws, its writes are undone and only its own batch fails, not the requests it was
/// committed with. It runs while every other writer waits, so it must be short.
/// </summary>
public delegate Task<IReadOnlyList<IngestMessage>> BatchPrelude(DbConnection connection, DbTransaction transaction, CancellationToken ct);
