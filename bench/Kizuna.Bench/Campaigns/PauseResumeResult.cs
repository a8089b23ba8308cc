namespace Kizuna.Bench.Campaigns;

/// <summary>
/// The paused, resumed and finished campaign: messages at the sink, the seconds spent sending (first message to the
/// pause's last, the first after the resume to the last), each server's processor time, what arrived after the pause call and how long
/// after, how long after the resume call the next message came, the per-recipient tally (none, one, more, extra copies), repeated Message-IDs, unknown recipients, the
/// report's targeted and sent, the final state and the messages per server.
/// </summary>
public sealed record PauseResumeResult(
    long Received,
    double SendingSeconds,
    TimeSpan[] Cpu,
    long AfterPause,
    double PauseLatencySeconds,
    double ResumeLatencySeconds,
    (long None, long One, long More, long Extra) Tally,
    long SameMessageId,
    long Unknown,
    (long Targeted, long Sent) Report,
    string State,
    IReadOnlyDictionary<string, long> BySender)
{
    public double PerSecond => Received / SendingSeconds;
}
