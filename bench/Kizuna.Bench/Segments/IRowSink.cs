namespace Kizuna.Bench.Segments;

/// <summary>Rows of the store's tables, written by engine-specific bulk paths (prepared inserts, binary COPY).</summary>
public interface IRowSink : IAsyncDisposable
{
    ValueTask RowAsync(string table, object?[] values);

    /// <summary>
    /// Sums the roll-ups of the profiles <paramref name="first"/> to <paramref name="last"/> just written
    /// (<see cref="StoreRows.RollUps"/>) and commits them with the rows.
    /// </summary>
    ValueTask FlushAsync(long first, long last);
}
