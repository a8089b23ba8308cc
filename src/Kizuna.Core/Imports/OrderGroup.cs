using Kizuna.Commerce;

namespace Kizuna.Imports;

/// <summary>
/// The lines of one order (or one cancellation) read so far, wherever they lie in the file. Lines wait in memory
/// or, when too many are held, in the <see cref="OrderLineSpill"/> until the order's last line has been read.
/// </summary>
internal sealed class OrderGroup(string orderId, string userId, DateTimeOffset timestamp, string? currency, bool isCancellation, string? originalOrderId)
{
    private readonly List<SpilledLines> _spilled = [];

    public string OrderId { get; } = orderId;

    public string UserId { get; } = userId;

    public DateTimeOffset Timestamp { get; } = timestamp;

    public string? Currency { get; } = currency;

    public bool IsCancellation { get; } = isCancellation;

    public string? OriginalOrderId { get; } = originalOrderId;

    /// <summary>Whether the order's last line has been read.</summary>
    public bool IsComplete { get; set; }

    /// <summary>The lines held in memory (the rest are spilled).</summary>
    public List<OrderLine> Lines { get; } = [];

    /// <summary>Σ price × quantity of the lines so far, unrounded.</summary>
    public double Amount { get; private set; }

    public void Add(OrderLine line)
    {
        Lines.Add(line);
        Amount += line.Price * line.Quantity;
    }

    /// <summary>Moves the lines held in memory to the spill file.</summary>
    public async ValueTask SpillAsync(OrderLineSpill spill, CancellationToken ct)
    {
        if (Lines.Count > 0)
        {
            _spilled.Add(await spill.WriteAsync(Lines, ct));
            Lines.Clear();
        }
    }

    /// <summary>Every line of the order, in the order of the file.</summary>
    public async ValueTask<List<OrderLine>> AllLinesAsync(OrderLineSpill spill, CancellationToken ct)
    {
        if (_spilled.Count == 0)
        {
            return Lines;
        }

        var lines = new List<OrderLine>();
        foreach (var chunk in _spilled)
        {
            lines.AddRange(await spill.ReadAsync(chunk, ct));
        }

        lines.AddRange(Lines);
        return lines;
    }

    /// <summary>Σ price × quantity, rounded to the cent to keep float noise out of stored totals.</summary>
    public static double Total(IEnumerable<OrderLine> lines) => Math.Round(lines.Sum(l => l.Price * l.Quantity), 2, MidpointRounding.AwayFromZero);
}
