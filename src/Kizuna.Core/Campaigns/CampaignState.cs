namespace Kizuna.Campaigns;

/// <summary>
/// Where a campaign stands: <c>draft</c> (being edited) → <c>scheduled</c> (waiting for its time, or its next
/// occurrence when recurring) → <c>sending</c> → <c>sent</c>. <c>paused</c> stops queuing more messages until
/// resumed; <c>cancelled</c> is final and drops what was queued and not yet being sent.
/// </summary>
public enum CampaignState
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Sent,
    Cancelled,
}
