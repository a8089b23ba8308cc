using System.ComponentModel.DataAnnotations;

namespace Kizuna.Ingestion;

/// <summary>Limits and buffering of the ingestion API. Bound from the <c>Ingestion</c> configuration section.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest single message, in bytes (Segment: 32 KB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Largest request body after decompression, in bytes (Segment: 500 KB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 500 * 1024;

    /// <summary>Most messages in one batch request.</summary>
    [Range(1, 100_000)]
    public int MaxBatchMessages { get; set; } = 2_500;

    /// <summary>Requests waiting for the writer before new ones wait for room (back-pressure).</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1_024;

    /// <summary>
    /// Most messages the writer commits in one transaction (group commit across requests). Larger commits write
    /// each touched page once for more events: on SQLite, 8,000-event commits ran 1.5x faster than 2,000-event ones.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxMessagesPerCommit { get; set; } = 10_000;

    /// <summary>
    /// How far after its arrival a message may say it happened (after clock-skew correction). A later time is a
    /// broken clock: the message is kept at its arrival time, with the time it stated in
    /// <c>context.originalTimestamp</c>, so it cannot move a profile's last-seen into the future.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MaxTimestampAhead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long before its arrival a message may say it happened; older times are treated as the future ones are.
    /// Fifty years keeps historical backfills and refuses the year 1 and the 1970 of a reset clock.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365250.00:00:00")]
    public TimeSpan MaxTimestampAge { get; set; } = TimeSpan.FromDays(18_262);

    /// <summary>Inactivity that ends a session, for the per-profile session count.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
