using Kizuna.Storage;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.Options;

namespace Kizuna.Ingestion;

/// <summary>Commits batches of validated messages, one transaction for all of them.</summary>
public sealed class IngestStore(Database database, IOptions<IngestionOptions> options, ProfileDataRegistry profileData, TimeProvider time)
{
    public async Task<(IReadOnlyList<IngestResult> Results, CommittedBatch Committed)> WriteAsync(IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        using var turn = await SqliteDatabase.WriteTurnAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (results, committed) = await new BatchWriter(connection, transaction, database.Dialect, options.Value, profileData, time).WriteAsync(batches, ct);
        await transaction.CommitAsync(ct);
        return (results, committed);
    }
}
