namespace Kizuna.Bench.Segments;

/// <summary>Rows of the store's tables, written by engine-specific bulk paths (prepared inserts, binary COPY).</summary>
public interface IRowSink : IAsyncDisposable
{
    ValueTask RowAsync(string table, object?[] values);

    /// <summary>
    /// Commits the rows of the profiles <paramref name="first"/> to <paramref name="last"/> just written, with their
    /// roll-ups: summed by the engine from the chunk's events (<see cref="StoreRows.RollUps"/>) or written as rows.
    /// </summary>
    ValueTask FlushAsync(long first, long last);
}
