using System.Buffers;
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
        // One buffer for the batch: a change's file is built whole in memory (a group commit's events, a few MB at
        // most) and written in one call, rather than flushed through the JSON writer and the file's buffer line by line.
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Storage.StoredJson.Options.Encoder });
        foreach (var change in changes)
        {
            if (change.Events.Count > 0)
            {
                WriteEvents(json, buffer, change);
                await WriteFileAsync(Path.Combine(root, Day(change)), change, buffer, ct);
            }

            if (change.Erased.Count > 0)
            {
                WriteErasures(json, buffer, change);
                await WriteFileAsync(Path.Combine(root, "erasures", Day(change)), change, buffer, ct);
            }
        }
    }

    private static string Day(Change change) => change.CommittedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task WriteFileAsync(string folder, Change change, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{change.Position}.ndjson");
        // Unique per writer: a node that lost its lease mid-write must not share a temporary file with the next.
        var temporary = Path.Combine(folder, $".{change.Position}.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(buffer.WrittenMemory, ct);
            stream.Flush(flushToDisk: true);
        }

        buffer.ResetWrittenCount();
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteErasures(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Change change)
    {
        foreach (var (workspaceId, profileId) in change.Erased)
        {
            json.WriteStartObject();
            json.WriteNumber("workspaceId", workspaceId);
            json.WriteNumber("profileId", profileId);
            json.WriteString("erasedAt", change.CommittedAt.ToUniversalTime());
            json.WriteEndObject();
            EndLine(json, buffer);
        }
    }

    private static void WriteEvents(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Change change)
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
            EndLine(json, buffer);
        }
    }

    private static void EndLine(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        json.Flush();
        json.Reset();
        buffer.Write("\n"u8);
    }
}
