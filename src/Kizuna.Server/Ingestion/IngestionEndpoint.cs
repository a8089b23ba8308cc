using System.IO.Compression;
using System.Text.Json;
using System.Threading.Channels;
using Kizuna.Ingestion;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Ingestion;

/// <summary>Reads, authenticates and validates an ingestion request, then waits for the writer to commit it.</summary>
public sealed class IngestionEndpoint(IngestionPipeline pipeline, ApiKeyService keys, IOptions<IngestionOptions> options, TimeProvider time)
{
    private readonly SegmentParser _parser = new(options.Value);

    public async Task<IResult> HandleAsync(HttpContext http, MessageType? type)
    {
        var receivedAt = time.GetUtcNow();
        var ct = http.RequestAborted;
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Request, options.Value.MaxBatchBytes, ct);
        }
        catch (InvalidDataException)
        {
            return Invalid("body", "is gzip (by its header or first bytes) but does not decompress");
        }

        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                detail: $"The body is larger than {options.Value.MaxBatchBytes} bytes after decompression; send smaller batches.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Invalid("body", $"is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("body", "must be a JSON object");
            }

            // The members read here, before any message; a message's own text is checked by the parser.
            foreach (var field in (ReadOnlySpan<string>)["writeKey", "sentAt"])
            {
                if (root.TryGetProperty(field, out var value) && Utf8Check.Find(value, field) is { } notText)
                {
                    return Invalid(notText.Field, notText.Reason);
                }
            }

            var key = ApiKeyAuthenticationHandler.PresentedKey(http.Request.Headers.Authorization.ToString()) ?? SegmentParser.Text(root, "writeKey");
            if (key is null)
            {
                return Unauthorized("No write key: send it as the HTTP Basic user name or as writeKey in the body.");
            }

            if (await keys.AuthenticateAsync(key, ct) is not { } identity)
            {
                return Unauthorized("The write key is unknown or revoked.");
            }

            // A secret key is made for the admin API; it sends tracking calls only when it was given the scope to.
            if (identity.Kind != ApiKeyKind.Write && !identity.Scopes.Contains(Scopes.EventsWrite))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: $"This secret key does not hold '{Scopes.EventsWrite}'; send tracking calls with a write key.");
            }

            var (messages, errors, warnings) = Parse(root, type, receivedAt);
            if (messages is null)
            {
                return TypedResults.BadRequest(new IngestResponse(false, 0, 0, 0, errors) { Warnings = warnings });
            }

            IngestResult result;
            try
            {
                result = await pipeline.SubmitAsync(new IngestBatch(identity.WorkspaceId, messages), ct);
            }
            catch (Exception ex) when (ex is IngestionUnavailableException or ChannelClosedException)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored", detail: "The messages were not stored; retry the request.");
            }

            var response = new IngestResponse(errors.Count == 0, result.Stored, result.Duplicates, result.Suppressed, errors) { Warnings = warnings };
            return errors.Count == 0 ? TypedResults.Ok(response) : TypedResults.BadRequest(response);
        }
    }

    private (List<IngestMessage>? Messages, List<IngestErrorResponse> Errors, List<IngestErrorResponse> Warnings) Parse(JsonElement root, MessageType? type, DateTimeOffset receivedAt)
    {
        var errors = new List<IngestErrorResponse>();
        var warnings = new List<IngestErrorResponse>();
        if (type is not null)
        {
            var single = _parser.Parse(root, 0, type, null, receivedAt);
            return single.Message is { } one
                ? ([one], errors, single.Warning is { } w ? [ToResponse(w)] : warnings)
                : (null, [ToResponse(single.Error!)], warnings);
        }

        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            return (null, [new IngestErrorResponse(-1, null, "batch", "is required and must be an array of messages")], warnings);
        }

        if (batch.GetArrayLength() > options.Value.MaxBatchMessages)
        {
            return (null, [new IngestErrorResponse(-1, null, "batch", $"holds {batch.GetArrayLength()} messages; the limit is {options.Value.MaxBatchMessages}")], warnings);
        }

        DateTimeOffset? sentAt = null;
        if (root.TryGetProperty("sentAt", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (!SegmentParser.TryDate(s, out var parsed))
            {
                return (null, [new IngestErrorResponse(-1, null, "sentAt", SegmentParser.DateRule)], warnings);
            }

            sentAt = parsed;
        }

        var messages = new List<IngestMessage>(batch.GetArrayLength());
        var index = 0;
        foreach (var element in batch.EnumerateArray())
        {
            var result = _parser.Parse(element, index++, null, sentAt, receivedAt);
            if (result.Message is { } message)
            {
                messages.Add(message);
                if (result.Warning is { } warning)
                {
                    warnings.Add(ToResponse(warning));
                }
            }
            else
            {
                errors.Add(ToResponse(result.Error!));
            }
        }

        return (messages, errors, warnings);
    }

    /// <summary>The body, gunzipped when it is gzip (by header or by its magic bytes), or null past the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        var raw = await ReadLimitedAsync(request.Body, limit, ct);
        if (raw is null)
        {
            return null;
        }

        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            || (raw.Length > 2 && raw[0] == 0x1f && raw[1] == 0x8b);
        if (!gzip)
        {
            return raw;
        }

        await using var unzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        return await ReadLimitedAsync(unzip, limit, ct);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IngestErrorResponse ToResponse(IngestError error) => new(error.Index, error.MessageId, error.Field, error.Reason);

    private static BadRequest<IngestResponse> Invalid(string field, string reason) =>
        TypedResults.BadRequest(new IngestResponse(false, 0, 0, 0, [new IngestErrorResponse(-1, null, field, reason)]));

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
}
