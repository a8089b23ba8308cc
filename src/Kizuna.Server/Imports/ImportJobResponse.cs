using Kizuna.Imports;

namespace Kizuna.Server.Imports;

/// <summary>An import job on the wire: status, progress while it runs, the report once it has finished.</summary>
/// <param name="Id">The job id, for <c>GET /api/imports/{id}</c>.</param>
/// <param name="Kind">customers, orders, products or events.</param>
/// <param name="FileName">The name the file was uploaded under.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Progress">Bytes, lines and orders read so far; null before the job starts.</param>
/// <param name="Report">The counts and the bad lines of a finished import.</param>
/// <param name="Error">Why a failed import stopped.</param>
/// <param name="CreatedAt">When the upload was accepted (UTC).</param>
/// <param name="FinishedAt">When the job ended (UTC).</param>
public sealed record ImportJobResponse(
    long Id,
    string Kind,
    string FileName,
    string Status,
    ImportProgressResponse? Progress,
    ImportReport? Report,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public static ImportJobResponse From(ImportJob job) => new(
        job.Id,
        job.Kind.ToString().ToLowerInvariant(),
        job.FileName,
        job.Status.ToString().ToLowerInvariant(),
        job.Progress is { } p ? new ImportProgressResponse(p.BytesRead, p.TotalBytes, p.LinesRead, p.BadLines, p.Orders, Math.Round(p.Fraction * 100, 1)) : null,
        job.Report,
        job.Error,
        job.CreatedAt,
        job.FinishedAt);
}
