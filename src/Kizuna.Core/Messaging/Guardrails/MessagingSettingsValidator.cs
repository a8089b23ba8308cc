using TimeZoneConverter;

namespace Kizuna.Messaging.Guardrails;

/// <summary>Checks settings before they are saved; the first problem is answered with its field's JSON path.</summary>
public static class MessagingSettingsValidator
{
    public static (string Field, string Error)? Validate(MessagingSettings settings)
    {
        for (var i = 0; i < settings.Consent.OptInChannels.Count; i++)
        {
            if (!MessageChannels.TryParse(settings.Consent.OptInChannels[i], out _))
            {
                return ($"consent.optInChannels[{i}]", $"A channel is one of {string.Join(", ", MessageChannels.Names)}.");
            }
        }

        if (settings.Consent.DoubleOptInTemplateId is <= 0)
        {
            return ("consent.doubleOptInTemplateId", "The double opt-in template is a template id.");
        }

        for (var i = 0; i < settings.FrequencyCaps.Count; i++)
        {
            var cap = settings.FrequencyCaps[i];
            var field = $"frequencyCaps[{i}]";
            if (!MessageChannels.TryParse(cap.Channel, out _))
            {
                return ($"{field}.channel", $"A channel is one of {string.Join(", ", MessageChannels.Names)}.");
            }

            if (cap.Limit is < 1 or > 10_000)
            {
                return ($"{field}.limit", "A cap allows 1 to 10,000 messages.");
            }

            if (Durations.Parse(cap.Window) is not { } window || window > TimeSpan.FromDays(366))
            {
                return ($"{field}.window", "The window is an ISO 8601 duration up to a year: P1D, PT12H, P7D.");
            }

            if (cap.Action is not ("skip" or "defer"))
            {
                return ($"{field}.action", "The action is skip or defer.");
            }
        }

        if (settings.QuietHours is { } quiet)
        {
            if (Durations.TimeOfDay(quiet.Start) is not { } start)
            {
                return ("quietHours.start", "The start is a time of day, HH:mm.");
            }

            if (Durations.TimeOfDay(quiet.End) is not { } end || end == start)
            {
                return ("quietHours.end", "The end is a time of day, HH:mm, other than the start.");
            }

            if (quiet.Channels?.Select((c, i) => (c, i)).FirstOrDefault(p => !MessageChannels.TryParse(p.c, out _)) is { c: not null } bad)
            {
                return ($"quietHours.channels[{bad.i}]", $"A channel is one of {string.Join(", ", MessageChannels.Names)}.");
            }

            if (quiet.DefaultTimeZone is { } zone && !TZConvert.TryGetTimeZoneInfo(zone, out _))
            {
                return ("quietHours.defaultTimeZone", "This is not a time zone (an IANA name such as Asia/Tokyo).");
            }

            if (quiet.Action is not ("defer" or "drop"))
            {
                return ("quietHours.action", "The action is defer or drop.");
            }
        }

        if (settings.ControlGroup is { Percent: < 0 or > 50 })
        {
            return ("controlGroup.percent", "The control group is 0 to 50 percent of profiles.");
        }

        for (var i = 0; i < settings.SendRates.Count; i++)
        {
            var rate = settings.SendRates[i];
            if (!MessageChannels.TryParse(rate.Channel, out _))
            {
                return ($"sendRates[{i}].channel", $"A channel is one of {string.Join(", ", MessageChannels.Names)}.");
            }

            if (settings.SendRates.Take(i).Any(r => r.Channel == rate.Channel))
            {
                return ($"sendRates[{i}].channel", "A channel has one send rate.");
            }

            if (rate.PerSecond is < 1 or > 100_000)
            {
                return ($"sendRates[{i}].perSecond", "A send rate is 1 to 100,000 messages a second.");
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="channel"/> sends marketing only to customers who opted in.</summary>
    public static bool IsOptIn(this ConsentSettings settings, MessageChannel channel) =>
        settings.OptInChannels.Contains(MessageChannels.Name(channel), StringComparer.Ordinal);
}
