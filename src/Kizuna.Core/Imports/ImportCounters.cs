namespace Kizuna.Imports;

/// <summary>The running tallies of one import, turned into an <see cref="ImportReport"/> at the end.</summary>
internal sealed class ImportCounters(ImportKind kind, int maxReportedErrors)
{
    private readonly List<LineError> _errors = [];

    public long LinesRead { get; set; }

    public long Customers { get; set; }

    public long Orders { get; set; }

    public long OrderLines { get; set; }

    public long Products { get; set; }

    public long Events { get; set; }

    public long Cancellations { get; set; }

    public long CancellationLines { get; set; }

    public long CancellationsMatched { get; set; }

    public long CancellationLinesMatched { get; set; }

    public long CancellationLinesUnmatched { get; set; }

    public long UnmatchedRefunds { get; set; }

    public long SkippedWithoutCustomer { get; set; }

    public long BadLines { get; private set; }

    public long Stored { get; set; }

    public long Duplicates { get; set; }

    public void Bad(long line, string reason)
    {
        BadLines++;
        if (_errors.Count < maxReportedErrors)
        {
            _errors.Add(new LineError(line, reason));
        }
    }

    public ImportReport ToReport(TimeSpan elapsed) => new(
        kind, LinesRead, Customers, Orders, OrderLines, Products, Events, Cancellations, CancellationLines, CancellationsMatched, CancellationLinesMatched, CancellationLinesUnmatched, UnmatchedRefunds,
        SkippedWithoutCustomer, BadLines, Stored, Duplicates, Math.Round(elapsed.TotalSeconds, 3), [.. _errors]);
}
