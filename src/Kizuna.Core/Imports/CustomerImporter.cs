using Kizuna.Ingestion;
namespace Kizuna.Imports;

/// <summary>
/// One <c>identify</c> per line with the mapped traits. The message id carries a fingerprint of the line, so a
/// re-run of the same file adds nothing while a changed row updates the customer.
/// </summary>
internal sealed class CustomerImporter(ImportMapping mapping, MessageSink sink, ImportCounters counters, DateTimeOffset receivedAt) : IRowImporter
{
    public async ValueTask AcceptAsync(ImportRow row, CancellationToken ct)
    {
        var userId = row.Id(ImportFields.UserId) ?? throw new ImportLineException($"user_id ({mapping.Column(ImportFields.UserId)}) is empty");
        var timestamp = row.Text(ImportFields.Timestamp) is null ? receivedAt : row.Timestamp(ImportFields.Timestamp);
        var traits = RowValues.Object(row, mapping.Traits);
        if (row.Text(ImportFields.Email) is { } email)
        {
            traits["email"] = email;
        }

        ImportConsent.AddTo(traits, row, mapping);
        var anonymousId = row.Key(ImportFields.AnonymousId);
        counters.Customers++;
        await sink.AddAsync(ImportMessages.Identify($"import:customers:{userId}:{row.Fingerprint()}", userId, anonymousId, traits, timestamp, receivedAt), ct);
    }

    public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;
}
