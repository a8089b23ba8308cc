namespace Kizuna.Imports;

/// <summary>
/// An import as recorded in the <c>imports</c> table: its progress while it runs, then its report, or the error
/// that stopped it.
/// </summary>
public sealed record ImportJob(
    long Id,
    long WorkspaceId,
    ImportKind Kind,
    string FileName,
    ImportJobStatus Status,
    ImportProgress? Progress,
    ImportReport? Report,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
