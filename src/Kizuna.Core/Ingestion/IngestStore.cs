using System.Data.Common;
using Kizuna.Storage;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.Options;

namespace Kizuna.Ingestion;

/// <summary>Commits batches of validated messages, one transaction for all of them.</summary>
public sealed class IngestStore(Database database, IOptions<IngestionOptions> options, ProfileDataRegistry profileData, TimeProvider time)
{
    /// <summary>Commits the batches; a batch whose prelude failed throws here, after the others committed.</summary>
    public async Task<(IReadOnlyList<IngestResult> Results, CommittedBatch Committed)> WriteAsync(IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        var (results, committed, failures) = await WriteGroupAsync(batches, ct);
        return failures.FirstOrDefault(f => f is not null) is { } failure ? throw failure : (results, committed);
    }

    /// <summary>Commits the batches; a batch whose prelude failed is committed empty and its failure returned beside the results.</summary>
    internal async Task<(IngestResult[] Results, CommittedBatch Committed, Exception?[] Failures)> WriteGroupAsync(
        IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var failures = new Exception?[batches.Count];
        var prepared = new IngestBatch[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            (prepared[i], failures[i]) = await PrepareAsync(connection, transaction, batches[i], ct);
        }

        var (results, committed) = await new BatchWriter(connection, transaction, database.Dialect, options.Value, profileData, time).WriteAsync(prepared, ct);
        await transaction.CommitAsync(ct);
        return (results, committed, failures);
    }

    private static async Task<(IngestBatch Batch, Exception? Failure)> PrepareAsync(
        DbConnection connection, DbTransaction transaction, IngestBatch batch, CancellationToken ct)
    {
        if (batch.Prelude is not { } prelude)
        {
            return (batch, null);
        }

        const string savepoint = "prelude";
        await transaction.SaveAsync(savepoint, ct);
        try
        {
            var messages = await prelude(connection, transaction, ct);
            await transaction.ReleaseAsync(savepoint, ct);
            return (batch with { Messages = [.. batch.Messages, .. messages], Prelude = null }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackAsync(savepoint, ct);
            return (batch with { Messages = [], Prelude = null }, ex);
        }
    }
}
