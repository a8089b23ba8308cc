namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// A workspace's messaging rules, kept as one document (<c>GET/PUT /api/messaging/settings</c>): consent policy,
/// frequency caps, quiet hours, the global control group, tracking and send rates. A new workspace has the defaults:
/// opt-out channels, transactional messages past consent, no caps, no quiet hours, no control group, opens and clicks
/// tracked, no send-rate limits.
/// </summary>
public sealed record MessagingSettings
{
    public ConsentSettings Consent { get; init; } = new();

    public IReadOnlyList<FrequencyCap> FrequencyCaps { get; init; } = [];

    public QuietHours? QuietHours { get; init; }

    public ControlGroup? ControlGroup { get; init; }

    public TrackingSettings Tracking { get; init; } = new();

    public IReadOnlyList<SendRate> SendRates { get; init; } = [];
}
