using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Changes;

/// <summary>
/// Copies every committed event to files the operator owns (<c>Archive:Folder</c>), for a data lake or a warehouse
/// load: one NDJSON file per change, <c>yyyy-MM-dd/&lt;position&gt;.ndjson</c> by the day the change committed (UTC).
/// A file is written under a temporary name, flushed to disk and renamed, so a change handed over again after a
/// crash rewrites the same file whole: nothing is lost and nothing is doubled. Events of a customer erased before
/// the archive reached them are not written; files already written are the operator's copy, which erasure does
/// not reach.
/// </summary>
public sealed class EventArchive(IOptions<ArchiveOptions> options) : IChangeConsumer
{
    public string Name => "archive";

    public int BatchSize => 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Folder);

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.Value.Folder!);
        foreach (var change in changes.Where(c => c.Events.Count > 0))
        {
            var folder = Path.Combine(root, change.CommittedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{change.Position}.ndjson");
            // Unique per writer: a node that lost its lease mid-write must not share a temporary file with the next.
            var temporary = Path.Combine(folder, $".{change.Position}.{Guid.NewGuid():N}.tmp");
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                Write(stream, change);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
    }

    private static void Write(Stream stream, Change change)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Storage.StoredJson.Options.Encoder });
        foreach (var e in change.Events)
        {
            json.WriteStartObject();
            json.WriteString("eventId", e.EventId);
            json.WriteString("messageId", e.MessageId);
            json.WriteNumber("workspaceId", e.WorkspaceId);
            json.WriteNumber("profileId", e.ProfileId);
            json.WriteString("type", e.Type);
            json.WriteString("name", e.Name);
            json.WriteString("timestamp", e.Timestamp.ToUniversalTime());
            json.WriteString("receivedAt", e.ReceivedAt.ToUniversalTime());
            json.WritePropertyName("properties");
            if (e.PropertiesJson is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(e.PropertiesJson, skipInputValidation: true); // valid JSON: checked at ingest, stored as JSON
            }

            json.WriteEndObject();
            json.Flush();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }
}
