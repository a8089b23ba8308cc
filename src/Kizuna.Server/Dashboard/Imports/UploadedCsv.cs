using CsvHelper;
using Kizuna.Imports;
using Kizuna.Server.Dashboard.Localization;
using Microsoft.AspNetCore.Components.Forms;

namespace Kizuna.Server.Dashboard.Imports;

/// <summary>
/// A CSV file chosen on the imports page: streamed from the browser to a temporary file (never held in memory),
/// with its header and first lines read for the column mapping. The file is deleted when another is chosen or
/// the page is left, unless it was handed to the import runner, which deletes it once the job has run.
/// </summary>
public sealed class UploadedCsv : IDisposable
{
    /// <summary>The largest file the page takes; larger ones go through <c>POST /api/imports</c> or <c>kizuna import</c>.</summary>
    public const long MaxBytes = 1024L * 1024 * 1024;

    private const int PreviewRows = 5;
    private const long ReportEvery = 1 << 20;

    public string? FileName { get; private set; }

    public long Size { get; private set; }

    /// <summary>The temporary file, once the whole upload has arrived.</summary>
    public string? Path { get; private set; }

    public bool Busy { get; private set; }

    public double Percent { get; private set; }

    public CsvPreview? Preview { get; private set; }

    public ImportMappingDraft Draft { get; private set; } = new();

    public string? Error { get; private set; }

    public async Task ReceiveAsync(IBrowserFile file, Func<Task> onProgress, CancellationToken ct)
    {
        Discard();
        if (file.Size > MaxBytes)
        {
            Error = AdminText.Current.FileTooLarge(MaxBytes);
            return;
        }

        (FileName, Size, Busy) = (file.Name, file.Size, true);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kizuna-import-{Guid.CreateVersion7():N}.csv");
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            await using (var source = file.OpenReadStream(MaxBytes, ct))
            {
                var buffer = new byte[1 << 16];
                long copied = 0, reported = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                    copied += read;
                    if (copied - reported >= ReportEvery)
                    {
                        (reported, Percent) = (copied, 100.0 * copied / Math.Max(1, Size));
                        await onProgress();
                    }
                }
            }

            Path = path;
        }
        catch (Exception ex)
        {
            // A cut-off upload leaves nothing behind; a broken connection is said so, anything else is the server's.
            File.Delete(path);
            FileName = null;
            if (ex is not IOException)
            {
                throw;
            }

            Error = AdminText.Current.UploadFailed;
        }
        finally
        {
            Busy = false;
        }

        await ReadPreviewAsync(ct);
    }

    /// <summary>Reads the header and first lines with the draft's delimiter, and guesses the columns' targets again.</summary>
    public async Task ReadPreviewAsync(CancellationToken ct)
    {
        if (Path is null)
        {
            return;
        }

        try
        {
            Preview = await CsvPreview.ReadAsync(Path, Draft.Delimiter, null, PreviewRows, ct);
            Draft.Load(Preview.Columns);
            Error = null;
        }
        catch (Exception ex) when (ex is ImportMappingException or CsvFormatException)
        {
            Preview = null;
            Error = ex.Message;
        }
    }

    /// <summary>The import runner has taken the file: it is no longer this page's to delete.</summary>
    public void HandOver()
    {
        Path = null;
        Discard();
    }

    public void Dispose() => Discard();

    private void Discard()
    {
        if (Path is not null)
        {
            File.Delete(Path);
        }

        (FileName, Size, Path, Percent, Preview, Error) = (null, 0, null, 0, null, null);
        Draft = new ImportMappingDraft();
    }
}
