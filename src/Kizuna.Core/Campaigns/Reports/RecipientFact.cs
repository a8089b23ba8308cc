namespace Kizuna.Campaigns.Reports;

/// <summary>A snapshot row with its outbox message's state (times in epoch milliseconds), as a report reads it.</summary>
public sealed class RecipientFact
{
    public long ProfileId { get; set; }

    public long Run { get; set; }

    public long Variant { get; set; }

    public string Status { get; set; } = "";

    public long DueAt { get; set; }

    public long? MessageId { get; set; }

    public string? State { get; set; }

    public long Attempts { get; set; }

    public long? SentAt { get; set; }

    public long? UpdatedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Why the snapshot row was skipped before any message was made.</summary>
    public string? Detail { get; set; }
}
