namespace Kizuna.Messaging.Suppressions.Inbound;

public enum BounceReportKind
{
    /// <summary>A delivery status notification saying the address failed for good.</summary>
    HardBounce,

    /// <summary>An abuse report from a mailbox provider's feedback loop.</summary>
    Complaint,
}
