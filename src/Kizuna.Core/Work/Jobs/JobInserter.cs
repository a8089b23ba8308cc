using System.Data.Common;
using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

/// <summary>
/// Inserts new jobs, skipping those whose queue and key are already there, and answers every job's id in order.
/// The one part of the queue with a class per engine (ADR 1): the fast bulk form differs, a statement stepped per
/// row on SQLite and one statement over arrays on PostgreSQL.
/// </summary>
internal abstract class JobInserter
{
    public abstract Task<IReadOnlyList<long>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Row> rows, long now, CancellationToken ct);

    /// <summary>Inserts new jobs with the caller's other pending writes, answering no ids; on SQLite at once.</summary>
    public virtual Task HoldAsync(PendingWrites writes, IReadOnlyList<Row> rows, long now, CancellationToken ct) =>
        InsertAsync(writes.Connection, writes.Transaction, rows, now, ct);

    public sealed record Row(string Queue, string? Key, string? Group, long? WorkspaceId, string Payload, long DueAt, int MaxAttempts);
}
