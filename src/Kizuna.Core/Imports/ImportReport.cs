namespace Kizuna.Imports;

/// <summary>
/// What an import did. Counts are of lines in the file unless named otherwise; <see cref="Stored"/> and
/// <see cref="Duplicates"/> are messages as the ingestion pipeline answered them (a re-run stores none).
/// For orders every line read is exactly one of: an order line, a cancellation line (matched or unmatched), a line
/// skipped without customer, or a bad line. <see cref="CancellationsMatched"/> counts the refunds (or
/// cancellations) applied to an original order, <see cref="UnmatchedRefunds"/> those kept without one.
/// </summary>
public sealed record ImportReport(
    ImportKind Kind,
    long LinesRead,
    long Customers,
    long Orders,
    long OrderLines,
    long Products,
    long Events,
    long Cancellations,
    long CancellationLines,
    long CancellationsMatched,
    long CancellationLinesMatched,
    long CancellationLinesUnmatched,
    long UnmatchedRefunds,
    long SkippedWithoutCustomer,
    long BadLines,
    long Stored,
    long Duplicates,
    double ElapsedSeconds,
    IReadOnlyList<LineError> Errors);
