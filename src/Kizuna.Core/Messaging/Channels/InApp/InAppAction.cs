namespace Kizuna.Messaging.Channels.InApp;

/// <summary>What a customer did with a delivered item; each is recorded once, at its first time.</summary>
public enum InAppAction
{
    Seen,
    Clicked,
    Dismissed,
}
