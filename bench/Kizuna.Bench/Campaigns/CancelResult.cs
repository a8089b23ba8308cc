namespace Kizuna.Bench.Campaigns;

/// <summary>
/// The cancelled campaign: messages at the sink at the cancel call, those after it and how long after, the
/// per-recipient tally, repeated Message-IDs, the report's targeted and sent, the final state and the messages per server.
/// </summary>
public sealed record CancelResult(
    long AtCancel,
    long AfterCancel,
    double CancelLatencySeconds,
    (long None, long One, long More, long Extra) Tally,
    long SameMessageId,
    (long Targeted, long Sent) Report,
    string State,
    IReadOnlyDictionary<string, long> BySender)
{
    /// <summary>Messages the server counts as sent that never reached the sink (negative: more arrived than it counts).</summary>
    public long Lost => Report.Sent - (Tally.One + Tally.More + Tally.Extra);
}
