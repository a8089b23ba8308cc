using Kizuna.Messaging.Guardrails;

namespace Kizuna.Server.Dashboard.Messaging;

/// <summary>
/// The guardrails of <see cref="MessagingSettings"/> as the settings page edits them; consent settings the page does
/// not show (opt-in channels, double opt-in) are kept as stored.
/// </summary>
public sealed class SettingsForm
{
    public List<CapForm> Caps { get; init; } = [];

    public bool QuietOn { get; set; }

    public string QuietStart { get; set; } = "21:00";

    public string QuietEnd { get; set; } = "08:00";

    public string? QuietZone { get; set; }

    public string QuietAction { get; set; } = "defer";

    public IReadOnlyList<string>? QuietChannels { get; set; }

    public int ControlPercent { get; set; }

    public long ControlSalt { get; set; } = 7919;

    public bool TrackOpens { get; set; } = true;

    public bool TrackClicks { get; set; } = true;

    public static SettingsForm From(MessagingSettings s) => new()
    {
        Caps = [.. s.FrequencyCaps.Select(c => new CapForm { Channel = c.Channel, Limit = c.Limit, Window = c.Window, Action = c.Action })],
        QuietOn = s.QuietHours is not null,
        QuietStart = s.QuietHours?.Start ?? "21:00",
        QuietEnd = s.QuietHours?.End ?? "08:00",
        QuietZone = s.QuietHours?.DefaultTimeZone,
        QuietAction = s.QuietHours?.Action ?? "defer",
        QuietChannels = s.QuietHours?.Channels,
        ControlPercent = s.ControlGroup?.Percent ?? 0,
        ControlSalt = s.ControlGroup?.Salt ?? 7919,
        TrackOpens = s.Tracking.Opens,
        TrackClicks = s.Tracking.Clicks,
    };

    public MessagingSettings ApplyTo(MessagingSettings stored) => stored with
    {
        FrequencyCaps = [.. Caps.Select(c => new FrequencyCap(c.Channel, c.Limit, c.Window.Trim(), c.Action))],
        QuietHours = QuietOn ? new QuietHours(QuietStart.Trim(), QuietEnd.Trim(), QuietChannels, string.IsNullOrWhiteSpace(QuietZone) ? null : QuietZone.Trim(), QuietAction) : null,
        ControlGroup = ControlPercent > 0 ? new ControlGroup(ControlPercent, ControlSalt) : null,
        Tracking = stored.Tracking with { Opens = TrackOpens, Clicks = TrackClicks },
    };
}
