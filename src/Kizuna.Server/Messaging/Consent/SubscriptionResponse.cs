using Kizuna.Messaging;
using Kizuna.Messaging.Consent;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// A customer's answer for a channel (<c>group</c> null) or a group: <c>state</c>, where it came from and when (both
/// null for a default never given), and whether marketing reaches them there now.
/// </summary>
public sealed record SubscriptionResponse(string Channel, string? Group, string State, string? Source, DateTimeOffset? ChangedAt, bool ReceivesMarketing)
{
    public static SubscriptionResponse From(ChannelConsent c) => new(
        MessageChannels.Name(c.Channel), c.Group?.Key, SubscriptionStates.Name(c.State), c.Source, c.ChangedAt, c.ReceivesMarketing);
}
