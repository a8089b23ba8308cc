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
/// not rewrite: each erasure is written to <c>erasures/yyyy-MM-dd/&lt;position&gt;.ndjson</c> instead (workspace,
/// profile, time), for the operator's pipeline to delete that profile's lines downstream.
/// </summary>
public sealed class EventArchive(IOptions<ArchiveOptions> options) : IChangeConsumer
{
    public string Name => "archive";

    public int BatchSize => 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Folder);

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.Value.Folder!);
        foreach (var change in changes)
        {
            if (change.Events.Count > 0)
            {
                await WriteFileAsync(Path.Combine(root, Day(change)), change, WriteEvents, ct);
            }

            if (change.Erased.Count > 0)
            {
                await WriteFileAsync(Path.Combine(root, "erasures", Day(change)), change, WriteErasures, ct);
            }
        }
    }

    private static string Day(Change change) => change.CommittedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task WriteFileAsync(string folder, Change change, Action<Utf8JsonWriter, Stream, Change> write, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{change.Position}.ndjson");
        // Unique per writer: a node that lost its lease mid-write must not share a temporary file with the next.
        var temporary = Path.Combine(folder, $".{change.Position}.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Storage.StoredJson.Options.Encoder }))
            {
                write(json, stream, change);
            }

            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteErasures(Utf8JsonWriter json, Stream stream, Change change)
    {
        foreach (var (workspaceId, profileId) in change.Erased)
        {
            json.WriteStartObject();
            json.WriteNumber("workspaceId", workspaceId);
            json.WriteNumber("profileId", profileId);
            json.WriteString("erasedAt", change.CommittedAt.ToUniversalTime());
            json.WriteEndObject();
            EndLine(json, stream);
        }
    }

    private static void WriteEvents(Utf8JsonWriter json, Stream stream, Change change)
    {
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
            EndLine(json, stream);
        }
    }

    private static void EndLine(Utf8JsonWriter json, Stream stream)
    {
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
    }
}
