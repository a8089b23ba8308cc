using System.Text;
using Kizuna.Imports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kizuna.Server.Imports;

/// <summary>
/// Reads a multipart upload section by section: the CSV is streamed to a temporary file (never buffered in
/// memory), the mapping is read as text, whichever order they come in.
/// </summary>
internal sealed record ImportUpload(string? FileName, string? TempPath, string? MappingJson)
{
    /// <summary>Uploads are files of millions of lines; the default 30 MB request limit is far too small.</summary>
    private const long MaxBytes = 4L * 1024 * 1024 * 1024;

    private const int MaxMappingChars = 64 * 1024;

    public static async Task<ImportUpload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return new ImportUpload(null, null, null);
        }

        string? fileName = null, tempPath = null, mapping = null;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file" && tempPath is null)
                {
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value) ?? "upload.csv";
                    tempPath = Path.Combine(Path.GetTempPath(), $"kizuna-import-{Guid.CreateVersion7():N}.csv");
                    await using var target = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                    await CopyToTempAsync(section.Body, target, ct);
                }
                else if (name == "mapping")
                {
                    mapping = await ReadMappingAsync(section.Body, ct);
                }
            }
        }
        catch
        {
            // An upload cut off half way leaves nothing behind on disk.
            if (tempPath is not null)
            {
                File.Delete(tempPath);
            }

            throw;
        }

        return new ImportUpload(fileName, tempPath, mapping);
    }

    // A mapping is a few hundred bytes: a part far larger is not one, and is not read into memory whole.
    private static async Task<string> ReadMappingAsync(Stream body, CancellationToken ct)
    {
        using var text = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxMappingChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await text.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        return length > MaxMappingChars
            ? throw new ImportMappingException("mapping", $"The mapping part is longer than {MaxMappingChars:N0} characters; a mapping is a small JSON object.")
            : new string(buffer, 0, length);
    }

    // Reading can fail because the client's body is cut off (its error: a 400); writing fails only on this server's
    // disk (a full temporary folder), which must surface as a server error and be logged, not read as a bad body.
    private static async Task CopyToTempAsync(Stream body, Stream file, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            try
            {
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException("The upload could not be written to the temporary folder.", ex);
            }
        }
    }

    public void DeleteFile()
    {
        if (TempPath is not null)
        {
            File.Delete(TempPath);
        }
    }
}
