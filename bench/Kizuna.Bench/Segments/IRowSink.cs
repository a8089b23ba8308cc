namespace Kizuna.Bench.Segments;

/// <summary>Rows of the store's tables, written by engine-specific bulk paths (prepared inserts, binary COPY).</summary>
public interface IRowSink : IAsyncDisposable
{
    ValueTask RowAsync(string table, object?[] values);

    /// <summary>Commits what was written so far (SQLite writes in transactions of many profiles).</summary>
    ValueTask FlushAsync();
}
