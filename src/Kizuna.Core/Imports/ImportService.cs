using CsvHelper;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kizuna.Imports;

/// <summary>
/// Streams a CSV file through a mapping into the ingestion pipeline, so imported customers, orders and events
/// build profiles and aggregates exactly as live data does. Bad lines are reported with their line number and
/// reason while good lines load; memory does not grow with the size of the file.
/// </summary>
public sealed class ImportService(
    IngestionPipeline pipeline, ProductCatalog catalog, IEnumerable<IImportObserver> observers, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportService> logger)
{
    private const int ProgressEvery = 5_000;

    public async Task<ImportReport> ImportAsync(long workspaceId, string path, ImportMapping mapping, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var counters = new ImportCounters(mapping.Kind, mapping.MaxReportedErrors);
        await using var stream = Open(path);
        string? malformed = null;
        await using var reader = await OpenReaderAsync(stream, mapping, reason => malformed ??= reason, ct);
        var row = new ImportRow(reader, mapping, Indexes(reader.Headers, mapping));
        var receivedAt = time.GetUtcNow();
        var sink = new MessageSink(pipeline, workspaceId, result =>
        {
            counters.Stored += result.Stored;
            counters.Duplicates += result.Duplicates;
        });
        await using var spill = new OrderLineSpill();
        IRowImporter importer = mapping.Kind switch
        {
            ImportKind.Orders => new OrderImporter(
                mapping, sink, catalog, workspaceId, counters, receivedAt, await ScanOrderEndsAsync(path, mapping, ct), spill, options.Value.MaxHeldOrderLines),
            ImportKind.Customers => new CustomerImporter(mapping, sink, counters, receivedAt),
            ImportKind.Products => new ProductImporter(mapping, catalog, workspaceId, counters),
            _ => new EventImporter(mapping, sink, counters, receivedAt),
        };

        logger.LogInformation("Import of {Kind} into workspace {WorkspaceId} started ({Bytes} bytes)", mapping.Kind, workspaceId, stream.Length);
        try
        {
            while (await reader.ReadAsync(ct))
            {
                ct.ThrowIfCancellationRequested();
                counters.LinesRead++;
                try
                {
                    if (malformed is not null)
                    {
                        throw new ImportLineException(malformed);
                    }

                    await importer.AcceptAsync(row, ct);
                }
                catch (ImportLineException ex)
                {
                    counters.Bad(row.LineNumber, ex.Message);
                }
                finally
                {
                    malformed = null;
                }

                if (counters.LinesRead % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(reader.ByteOffset, stream.Length, counters.LinesRead, counters.BadLines, counters.Orders));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            // A record too large to buffer (a quote never closed early in a huge file): the rest cannot be read.
            throw new ImportMappingException("file", $"The file cannot be read past line {reader.LineNumber}: {ex.Message}");
        }

        await importer.CompleteAsync(ct);
        await sink.FlushAsync(ct);
        if (spill.LinesWritten > 0)
        {
            logger.LogInformation("Import into workspace {WorkspaceId} held {Lines} order lines in a temporary file while their orders were open", workspaceId, spill.LinesWritten);
        }

        progress?.Report(new ImportProgress(stream.Length, stream.Length, counters.LinesRead, counters.BadLines, counters.Orders));
        var report = counters.ToReport(time.GetElapsedTime(started));
        logger.LogInformation(
            "Import of {Kind} into workspace {WorkspaceId} finished: {Lines} lines, {BadLines} bad, {Stored} stored, {Duplicates} duplicates in {Seconds} s",
            mapping.Kind, workspaceId, report.LinesRead, report.BadLines, report.Stored, report.Duplicates, report.ElapsedSeconds);
        foreach (var observer in observers)
        {
            try
            {
                await observer.ImportedAsync(workspaceId, mapping.Kind, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "An observer of the import into workspace {WorkspaceId} failed", workspaceId);
            }
        }

        return report;
    }

    /// <summary>The first pass of an orders import: where each order ends.</summary>
    private static async Task<OrderEnds> ScanOrderEndsAsync(string path, ImportMapping mapping, CancellationToken ct)
    {
        await using var stream = Open(path);
        var malformed = false;
        await using var reader = await OpenReaderAsync(stream, mapping, _ => malformed = true, ct);
        var row = new ImportRow(reader, mapping, Indexes(reader.Headers, mapping));
        bool TakeMalformed()
        {
            var was = malformed;
            malformed = false;
            return was;
        }

        try
        {
            return await OrderEnds.ScanAsync(reader, row, TakeMalformed, ct);
        }
        catch (CsvFormatException ex)
        {
            throw new ImportMappingException("file", $"The file cannot be read past line {reader.LineNumber}: {ex.Message}");
        }
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);

    /// <summary>A reader past the header; both passes over a file read it the same way, so their line numbers agree.</summary>
    private static async Task<CsvReader> OpenReaderAsync(FileStream stream, ImportMapping mapping, Action<string> onMalformed, CancellationToken ct)
    {
        var options = new CsvReaderOptions
        {
            Separator = mapping.Delimiter,
            Encoding = mapping.Encoding,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            OnMalformedRecord = record => onMalformed(Describe(record.Reason)),
        };
        var reader = CsvReader.Create(stream, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        if (reader.Headers.Count == 0)
        {
            await reader.DisposeAsync();
            throw new ImportMappingException("file", "The file is empty; it needs a header line.");
        }

        return reader;
    }

    /// <summary>Reads only the header and checks that every mapped column is there; throws <see cref="ImportMappingException"/>.</summary>
    public static async Task CheckHeaderAsync(string path, ImportMapping mapping, CancellationToken ct)
    {
        await using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = mapping.Delimiter, Encoding = mapping.Encoding }, FileOptions.Asynchronous);
        await reader.ReadHeaderAsync(ct);
        if (reader.Headers.Count == 0)
        {
            throw new ImportMappingException("file", "The file is empty; it needs a header line.");
        }

        Indexes(reader.Headers, mapping);
    }

    /// <summary>
    /// Column positions of the mapped fields (by field name) and of trait/property columns (by header, prefixed
    /// with NUL so they cannot collide with a field name). A mapped column missing from the header is an error.
    /// </summary>
    private static Dictionary<string, int> Indexes(IReadOnlyList<string> header, ImportMapping mapping)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, column) in mapping.Columns)
        {
            indexes[field] = positions.TryGetValue(column, out var index)
                ? index
                : throw new ImportMappingException($"columns.{field}", $"Column '{column}' is not in the file's header ({string.Join(", ", header)}).");
        }

        foreach (var (section, map) in new[] { ("traits", mapping.Traits), ("subscriptions", mapping.Subscriptions), ("properties", mapping.Properties) })
        {
            foreach (var (name, column) in map)
            {
                indexes["\0" + column] = positions.TryGetValue(column, out var index)
                    ? index
                    : throw new ImportMappingException($"{section}.{name}", $"Column '{column}' is not in the file's header ({string.Join(", ", header)}).");
            }
        }

        return indexes;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field (quote the whole field and double the inner quotes)",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        _ => "malformed CSV",
    };
}
