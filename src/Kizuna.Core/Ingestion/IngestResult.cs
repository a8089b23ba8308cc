namespace Kizuna.Ingestion;

/// <summary>What became of a committed batch: stored, dropped as a repeat of a stored messageId, or suppressed.</summary>
public sealed record IngestResult(int Stored, int Duplicates, int Suppressed)
{
    public static readonly IngestResult Empty = new(0, 0, 0);
}
