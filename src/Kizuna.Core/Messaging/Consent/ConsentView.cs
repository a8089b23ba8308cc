namespace Kizuna.Messaging.Consent;

/// <summary>Everything a customer said, channel by channel and group by group (archived groups left out).</summary>
public sealed record ConsentView(IReadOnlyList<ChannelConsent> Channels, IReadOnlyList<ChannelConsent> Groups)
{
    /// <summary>The channels a customer is asked about: those people subscribe to, not the technical ones.</summary>
    public static readonly MessageChannel[] CustomerChannels = [MessageChannel.Email, MessageChannel.Sms, MessageChannel.Push];
}
