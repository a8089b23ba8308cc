using Kizuna.Ingestion;
namespace Kizuna.Imports;

/// <summary>
/// One <c>track</c> per line with the mapped properties. The message id is the file's own <c>message_id</c>
/// column when mapped, else a fingerprint of the line.
/// </summary>
internal sealed class EventImporter(ImportMapping mapping, MessageSink sink, ImportCounters counters, DateTimeOffset receivedAt) : IRowImporter
{
    public async ValueTask AcceptAsync(ImportRow row, CancellationToken ct)
    {
        var name = row.Text(ImportFields.Event) ?? mapping.Event
            ?? throw new ImportLineException($"event ({mapping.Column(ImportFields.Event)}) is empty");
        var userId = row.Id(ImportFields.UserId);
        var anonymousId = row.Key(ImportFields.AnonymousId);
        if (userId is null && anonymousId is null)
        {
            throw new ImportLineException("the line has neither a user_id nor an anonymous_id");
        }

        var timestamp = row.Timestamp(ImportFields.Timestamp);
        var messageId = row.Key(ImportFields.MessageId) is { } own ? $"import:events:{own}" : $"import:events:{row.Fingerprint()}";
        var properties = RowValues.Object(row, mapping.Properties);
        counters.Events++;
        await sink.AddAsync(ImportMessages.Track(messageId, userId, anonymousId, name, properties, timestamp, receivedAt), ct);
    }

    public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;
}
