namespace Kizuna.Messaging.Links;

/// <summary>The per-recipient pages a message links to; each kind is signed under its own purpose, so one never opens another.</summary>
public enum MessageLinkKind
{
    Unsubscribe,
    Preferences,
    WebView,

    /// <summary>A double opt-in's confirmation: the target's message id is the time (epoch ms) the pending answer was given.</summary>
    Confirm,
}
