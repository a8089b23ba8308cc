namespace Kizuna.Messaging.Consent;

/// <summary>
/// A customer's answer for a channel or a group as it stands: the stored one, or the default (<paramref name="Source"/>
/// and <paramref name="ChangedAt"/> null). <paramref name="ReceivesMarketing"/> is what the send check decides by.
/// </summary>
public sealed record ChannelConsent(MessageChannel Channel, SubscriptionGroup? Group, SubscriptionState State, string? Source, DateTimeOffset? ChangedAt, bool ReceivesMarketing);
