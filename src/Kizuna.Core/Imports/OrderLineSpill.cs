using System.Text.Json;
using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>
/// A temporary file that takes order lines out of memory while their order is still open, and gives them back
/// when it is complete. Created on the first spill and deleted when disposed (or by the system if the process dies).
/// </summary>
internal sealed class OrderLineSpill : IAsyncDisposable
{
    private FileStream? _file;

    /// <summary>Lines written so far, for the report of what the import buffered.</summary>
    public long LinesWritten { get; private set; }

    public async ValueTask<SpilledLines> WriteAsync(IReadOnlyList<OrderLine> lines, CancellationToken ct)
    {
        _file ??= new FileStream(
            Path.Combine(Path.GetTempPath(), $"kizuna-import-{Guid.NewGuid():N}.spill"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(lines);
        var offset = _file.Seek(0, SeekOrigin.End);
        await _file.WriteAsync(bytes, ct);
        LinesWritten += lines.Count;
        return new SpilledLines(offset, bytes.Length);
    }

    public async ValueTask<List<OrderLine>> ReadAsync(SpilledLines chunk, CancellationToken ct)
    {
        var file = _file ?? throw new InvalidOperationException("Nothing was spilled.");
        var bytes = new byte[chunk.Length];
        file.Seek(chunk.Offset, SeekOrigin.Begin);
        await file.ReadExactlyAsync(bytes, ct);
        return JsonSerializer.Deserialize<List<OrderLine>>(bytes) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
