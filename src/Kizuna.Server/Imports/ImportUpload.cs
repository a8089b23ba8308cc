using System.Text;
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
                    await section.Body.CopyToAsync(target, ct);
                }
                else if (name == "mapping")
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    mapping = await text.ReadToEndAsync(ct);
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

    public void DeleteFile()
    {
        if (TempPath is not null)
        {
            File.Delete(TempPath);
        }
    }
}
