namespace Kizuna.Imports;

/// <summary>
/// What an import did. Counts are of lines in the file unless named otherwise; <see cref="Stored"/> and
/// <see cref="Duplicates"/> are messages as the ingestion pipeline answered them (a re-run stores none).
/// <see cref="CancellationsMatched"/> counts the refunds (or cancellations) applied to an original order.
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
    long CancellationLinesUnmatched,
    long SkippedWithoutCustomer,
    long BadLines,
    long Stored,
    long Duplicates,
    double ElapsedSeconds,
    IReadOnlyList<LineError> Errors);
