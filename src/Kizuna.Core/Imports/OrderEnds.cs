using CsvHelper;

namespace Kizuna.Imports;

/// <summary>
/// The first pass over an orders file: the line on which each order's last line stands, so that the import
/// completes an order exactly when its last line has been read, however far apart its lines are. Holds one entry
/// per distinct order id, never one per line.
/// </summary>
internal sealed class OrderEnds(Dictionary<string, long> lastLines)
{
    /// <summary>True when <paramref name="line"/> is the last line of <paramref name="orderId"/> in the file.</summary>
    public bool IsLast(string orderId, long line) => lastLines.TryGetValue(orderId, out var last) && last <= line;

    public static async Task<OrderEnds> ScanAsync(CsvReader reader, ImportRow row, Func<bool> malformed, CancellationToken ct)
    {
        var lastLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            // Malformed lines are bad lines in the second pass, so they end no order.
            if (malformed())
            {
                continue;
            }

            try
            {
                if (row.Key(ImportFields.OrderId) is { } orderId)
                {
                    lastLines[orderId] = row.LineNumber;
                }
            }
            catch (ImportLineException)
            {
                // An id the second pass refuses as a bad line.
            }
        }

        return new OrderEnds(lastLines);
    }
}
