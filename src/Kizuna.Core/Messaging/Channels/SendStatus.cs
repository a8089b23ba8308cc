namespace Kizuna.Messaging.Channels;

/// <summary>The outcome classes of one send.</summary>
public enum SendStatus
{
    Sent,
    Transient,
    Permanent,
}
