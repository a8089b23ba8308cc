using System.Text;
using CsvHelper;

namespace Kizuna.Imports;

/// <summary>
/// The header of an uploaded file and its first lines, read the way an import reads them, so a person can map
/// columns to Kizuna fields by name and see an example value of each.
/// </summary>
public sealed record CsvPreview(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Reads the header and up to <paramref name="rows"/> lines; throws <see cref="ImportMappingException"/> when there is no header.</summary>
    public static async Task<CsvPreview> ReadAsync(string path, char delimiter, Encoding? encoding, int rows, CancellationToken ct)
    {
        await using var reader = CsvReader.FromFile(
            path, new CsvReaderOptions { Separator = delimiter, Encoding = encoding, TrimWhitespace = true }, FileOptions.Asynchronous);
        await reader.ReadHeaderAsync(ct);
        if (reader.Headers.Count == 0)
        {
            throw new ImportMappingException("file", "The file is empty; it needs a header line.");
        }

        // The same header names the import matches mapped columns against.
        var columns = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var samples = new List<IReadOnlyList<string>>(rows);
        try
        {
            while (samples.Count < rows && await reader.ReadAsync(ct))
            {
                samples.Add([.. Enumerable.Range(0, columns.Length).Select(i => i < reader.FieldCount ? reader.GetString(i) : "")]);
            }
        }
        catch (CsvFormatException)
        {
            // A preview shows what it could read; the import reports the line that cannot be read.
        }

        return new CsvPreview(columns, samples);
    }

    /// <summary>The first non-empty example of a column, or null.</summary>
    public string? Example(int column) =>
        Rows.Select(r => column < r.Count ? r[column] : "").FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
