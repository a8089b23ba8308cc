namespace Kizuna.Messaging;

/// <summary>The ways Kizuna reaches a customer. Each has one content model and one <see cref="Channels.IChannelAdapter"/>.</summary>
public enum MessageChannel
{
    Email,
    Sms,
    Push,
    InApp,
    ContentCard,
    Webhook,
}
